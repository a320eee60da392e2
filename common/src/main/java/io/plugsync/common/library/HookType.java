package io.plugsync.common.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hooks as JSON ({@code {"hooks": {Event: [{"matcher": "...", "hooks": [{"type": "command",
 * "command": "..."}]}]}}}): known event names, command hooks with a non-blank command and an
 * optional positive timeout.
 */
final class HookType {
    static final Set<String> EVENTS = Set.of(
            "PreToolUse",
            "PostToolUse",
            "Notification",
            "UserPromptSubmit",
            "Stop",
            "SubagentStop",
            "PreCompact",
            "SessionStart",
            "SessionEnd");

    private HookType() {}

    static ParsedConfig parse(ConfigSource source, Issues issues) {
        JsonNode root = McpType.readObject(source.content(), issues);
        if (root == null) {
            return null;
        }
        JsonNode hooks = root.get("hooks");
        if (hooks == null || !hooks.isObject() || hooks.isEmpty()) {
            issues.add(
                    "/content/hooks", "an object of event name to hook matchers, with at least one event", "required");
            return null;
        }
        List<String> events = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        hooks.fields().forEachRemaining(e -> {
            String pointer = "/content/hooks/" + Issues.segment(e.getKey());
            events.add(e.getKey());
            if (!EVENTS.contains(e.getKey())) {
                issues.add(
                        pointer,
                        "unknown hook event; one of "
                                + String.join(", ", EVENTS.stream().sorted().toList()),
                        "enum");
            }
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                issues.add(pointer, "a non-empty array of matchers", "type");
                return;
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                checkMatcher(e.getValue().get(i), pointer + "/" + i, issues, commands);
            }
        });
        if (!issues.isEmpty()) {
            return null;
        }
        String title = source.titleHint() != null ? source.titleHint() : "Hooks: " + String.join(", ", events);
        String description = "Hooks on " + String.join(", ", events);
        ObjectNode payload = ConfigParsers.JSON.createObjectNode();
        payload.set("hooks", hooks);
        return new ParsedConfig(
                ObjectType.HOOK,
                payload,
                source.content(),
                ConfigParsers.projection(
                        source,
                        "hooks.json",
                        title,
                        description,
                        null,
                        Text.search(title, String.join(" ", commands))));
    }

    private static void checkMatcher(JsonNode matcher, String pointer, Issues issues, List<String> commands) {
        if (!matcher.isObject()) {
            issues.add(pointer, "a matcher object", "type");
            return;
        }
        JsonNode pattern = matcher.get("matcher");
        if (pattern != null && !pattern.isTextual()) {
            issues.add(pointer + "/matcher", "a string", "type");
        }
        JsonNode list = matcher.get("hooks");
        if (list == null || !list.isArray() || list.isEmpty()) {
            issues.add(pointer + "/hooks", "a non-empty array of hooks", "required");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode hook = list.get(i);
            String at = pointer + "/hooks/" + i;
            if (!"command".equals(hook.path("type").asText())) {
                issues.add(at + "/type", "must be \"command\"", "enum");
            }
            JsonNode command = hook.get("command");
            if (command == null || !command.isTextual() || command.asText().isBlank()) {
                issues.add(at + "/command", "a non-blank string", "required");
            } else {
                commands.add(command.asText());
            }
            JsonNode timeout = hook.get("timeout");
            if (timeout != null
                    && (!timeout.canConvertToInt() || !timeout.isIntegralNumber() || timeout.asInt() <= 0)) {
                issues.add(at + "/timeout", "a positive whole number of seconds", "range");
            }
        }
    }
}
