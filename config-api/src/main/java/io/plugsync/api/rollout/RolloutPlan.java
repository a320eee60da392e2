package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan a rollout keeps from its publish ({@code connector_rollout.plan}): the spec as given and
 * the steps it made, stored so that a running rollout never changes course.
 */
public record RolloutPlan(RolloutSpec spec, List<RolloutSpec.Step> steps) {
    public RolloutPlan {
        steps = List.copyOf(steps);
    }

    public static RolloutPlan of(RolloutSpec spec) {
        return new RolloutPlan(spec, spec.steps());
    }

    public int lastStep() {
        return steps.size() - 1;
    }

    /** How long step {@code index} lasts: the step interval, the bake time for the last one. */
    public Duration duration(int index) {
        return index >= lastStep() ? spec.bake() : spec.stepInterval();
    }

    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("spec", spec.toJson());
        var array = node.putArray("steps");
        for (RolloutSpec.Step step : steps) {
            ObjectNode s = array.addObject();
            s.put("basis_points", step.basisPoints());
            step.groups().forEach(s.putArray("groups")::add);
        }
        return node;
    }

    public static RolloutPlan fromJson(JsonNode node) {
        RolloutSpec spec = RolloutSpecs.parse(node.get("spec"), "/plan/spec").orElseThrow();
        List<RolloutSpec.Step> steps = new ArrayList<>();
        for (JsonNode s : node.get("steps")) {
            List<String> groups = new ArrayList<>();
            s.path("groups").forEach(g -> groups.add(g.asText()));
            steps.add(new RolloutSpec.Step(s.get("basis_points").asInt(), groups));
        }
        return new RolloutPlan(spec, steps);
    }
}
