package io.plugsync.api.governance.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.api.org.AgentPublish;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON merge patch of publish policy fields ({@code PATCH /v1/orgs/{org}/settings} and {@code
 * PATCH /api/connectors/{id}/publish-policy}): a field that is absent stays, {@code null} resets it
 * (to the default for an organisation, to the organisation's value for a connector), a value
 * replaces it. Unknown fields and wrong types are 400s with their pointer (Jackson's mapping errors);
 * values out of range are one 422 listing every failing field.
 */
public record PolicyPatch(
        Integer requiredApprovals,
        Boolean allowSelfApproval,
        List<String> publishers,
        String agentPublish,
        List<FreezeWindow> freezeWindows) {

    public static final String REQUIRED_APPROVALS = "required_approvals";
    public static final String ALLOW_SELF_APPROVAL = "allow_self_approval";
    public static final String PUBLISHERS = "publishers";
    public static final String AGENT_PUBLISH = "agent_publish";
    public static final String FREEZE_WINDOWS = "freeze_windows";

    static final int MAX_WINDOWS = 50;
    static final int MAX_REASON = 500;
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    /** The patch and which fields it sets to null. */
    public record Parsed(PolicyPatch values, Set<String> cleared) {
        public boolean touches(String field) {
            return cleared.contains(field) || values.valueOf(field) != null;
        }
    }

    /** Binds and validates a patch body (an object). */
    public static Parsed parse(JsonNode body, ObjectMapper json) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.of(400, "wrong-type", "Bad request", "the body must be a JSON object")
                    .withErrors(List.of(new Problem.FieldError("", "a JSON object", "wrong_type"))));
        }
        PolicyPatch values;
        try {
            values = json.treeToValue(body, PolicyPatch.class);
        } catch (JsonProcessingException e) {
            throw sneaky(e);
        }
        Set<String> cleared = new LinkedHashSet<>();
        body.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                cleared.add(field.getKey());
            }
        });
        values.validate();
        return new Parsed(values, Set.copyOf(cleared));
    }

    Object valueOf(String field) {
        return switch (field) {
            case REQUIRED_APPROVALS -> requiredApprovals;
            case ALLOW_SELF_APPROVAL -> allowSelfApproval;
            case PUBLISHERS -> publishers;
            case AGENT_PUBLISH -> agentPublish;
            case FREEZE_WINDOWS -> freezeWindows;
            default -> null;
        };
    }

    private void validate() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (requiredApprovals != null && (requiredApprovals < 0 || requiredApprovals > PublishPolicy.MAX_APPROVALS)) {
            errors.add(new Problem.FieldError(
                    "/" + REQUIRED_APPROVALS, "between 0 and " + PublishPolicy.MAX_APPROVALS, "range"));
        }
        if (publishers != null) {
            if (publishers.isEmpty()) {
                errors.add(
                        new Problem.FieldError("/" + PUBLISHERS, "at least one of editor, admin, owner", "required"));
            }
            for (int i = 0; i < publishers.size(); i++) {
                if (!PublishPolicy.DEFAULT_PUBLISHERS.contains(publishers.get(i))) {
                    errors.add(new Problem.FieldError(
                            "/" + PUBLISHERS + "/" + i, "one of editor, admin, owner (viewers never write)", "enum"));
                }
            }
        }
        if (agentPublish != null && AgentPublish.parse(agentPublish).isEmpty()) {
            errors.add(new Problem.FieldError("/" + AGENT_PUBLISH, "one of: never, allowed", "enum"));
        }
        if (freezeWindows != null) {
            validateWindows(errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the publish policy is not valid", errors);
        }
    }

    private void validateWindows(List<Problem.FieldError> errors) {
        if (freezeWindows.size() > MAX_WINDOWS) {
            errors.add(new Problem.FieldError("/" + FREEZE_WINDOWS, "at most " + MAX_WINDOWS + " windows", "length"));
        }
        for (int i = 0; i < freezeWindows.size(); i++) {
            String at = "/" + FREEZE_WINDOWS + "/" + i;
            FreezeWindow w = freezeWindows.get(i);
            if (w == null) {
                errors.add(new Problem.FieldError(at, "a window {starts_at, ends_at, reason}", "required"));
                continue;
            }
            if (w.startsAt() == null) {
                errors.add(new Problem.FieldError(at + "/starts_at", "required (RFC 3339 date-time)", "required"));
            }
            if (w.endsAt() == null) {
                errors.add(new Problem.FieldError(at + "/ends_at", "required (RFC 3339 date-time)", "required"));
            }
            if (w.startsAt() != null && w.endsAt() != null) {
                if (!w.endsAt().isAfter(w.startsAt())) {
                    errors.add(new Problem.FieldError(at + "/ends_at", "must be after starts_at", "range"));
                } else if (Duration.between(w.startsAt(), w.endsAt()).compareTo(MAX_WINDOW) > 0) {
                    errors.add(new Problem.FieldError(at + "/ends_at", "a window lasts at most 366 days", "range"));
                }
            }
            if (w.reason() != null && (w.reason().isBlank() || w.reason().length() > MAX_REASON)) {
                errors.add(new Problem.FieldError(at + "/reason", "1 to " + MAX_REASON + " characters", "length"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        // Jackson's mapping errors reach JsonErrorMappers, which answers 400 with the field's pointer
        throw (E) e;
    }
}
