package io.plugsync.deploycheck;

import java.util.Map;

/** Kubernetes label selectors ({@code matchLabels} + {@code matchExpressions}) against a label set. */
final class Selectors {
    private Selectors() {}

    /** A plain map selector, as Services use. An empty selector selects nothing here. */
    static boolean mapMatches(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector == null || selector.isEmpty() || labels == null) {
            return false;
        }
        return selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(Yaml.string(labels, e.getKey())));
    }

    /** A LabelSelector; an empty one selects everything (as in NetworkPolicy and PDB). */
    static boolean labelSelectorMatches(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, Object> matchLabels = Yaml.map(selector, "matchLabels");
        if (matchLabels != null && !matchLabels.isEmpty() && !mapMatches(matchLabels, labels)) {
            return false;
        }
        for (Map<String, Object> expression : Yaml.maps(selector, "matchExpressions")) {
            String value = labels == null ? null : Yaml.string(labels, Yaml.string(expression, "key"));
            var values = Yaml.strings(expression, "values");
            boolean ok = switch (String.valueOf(Yaml.string(expression, "operator"))) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
