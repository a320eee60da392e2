package io.plugsync.api.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.replica.WorkerBuckets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rollout request: an object ({@code {"strategy": "linear", "step_percent": 25,
 * "step_interval": "10m", "bake_time": "30m", "thresholds": {...}}}) or the short form ({@code
 * "linear:25%/10m/bake=30m"}). Every problem is reported at once, each at its JSON pointer; a bad
 * short form is reported at the field that held it.
 */
public final class RolloutSpecs {
    static final Pattern GROUP = Pattern.compile("^[a-z0-9]+([-_][a-z0-9]+)*$");
    static final int MAX_GROUPS = 20;
    static final int MAX_STEPS = 100;
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_TIME = Duration.ofDays(7);
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    static final Duration DEFAULT_BAKE = Duration.ofMinutes(10);
    static final double DEFAULT_CANARY_PERCENT = 10;
    static final double DEFAULT_LINEAR_PERCENT = 25;
    static final double DEFAULT_EXPONENTIAL_PERCENT = 10;

    private static final Set<String> FIELDS =
            Set.of("strategy", "percent", "groups", "step_percent", "step_interval", "bake_time", "thresholds");
    private static final Set<String> THRESHOLD_FIELDS = Set.of("max_error_rate_increase", "min_reports", "on_breach");

    private RolloutSpecs() {}

    /**
     * The spec in {@code node} (object or short form); empty when {@code node} is absent or null.
     *
     * @param pointer where the node is in the request, for error pointers ({@code /rollout}, {@code
     *     query:rollout})
     * @throws ProblemException 422 listing every invalid field
     */
    public static Optional<RolloutSpec> parse(JsonNode node, String pointer) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        ObjectNode object;
        if (node.isTextual()) {
            object = expand(node.asText(), pointer, errors);
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
        } else if (node.isObject()) {
            object = (ObjectNode) node;
        } else {
            throw invalid(List.of(
                    new Problem.FieldError(pointer, "an object or a short form such as \"linear:25%/10m\"", "type")));
        }
        // a short form reports its problems at the field that held it
        RolloutSpec spec = read(object, node.isTextual() ? null : pointer, pointer, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return Optional.of(spec);
    }

    /** The short form of a spec, parsed (for the {@code rollout} query parameter). */
    public static Optional<RolloutSpec> parseShort(String text, String pointer) {
        return text == null || text.isBlank()
                ? Optional.empty()
                : parse(JsonNodeFactory.instance.textNode(text), pointer);
    }

    private static RolloutSpec read(ObjectNode o, String base, String shortPointer, List<Problem.FieldError> errors) {
        // fields of an object are reported at their own pointer; of a short form, at the form
        java.util.function.Function<String, String> at = field -> base == null ? shortPointer : base + "/" + field;
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(at.apply(name), "unknown field; known: " + FIELDS, "unknown"));
            }
        }
        JsonNode strategyNode = o.get("strategy");
        Optional<Strategy> strategy = strategyNode != null && strategyNode.isTextual()
                ? Strategy.parse(strategyNode.asText())
                : Optional.empty();
        if (strategy.isEmpty()) {
            errors.add(new Problem.FieldError(
                    at.apply("strategy"), "one of all_at_once, canary, linear, exponential", "enum"));
            return RolloutSpec.ALL_AT_ONCE;
        }
        if (strategy.get() == Strategy.ALL_AT_ONCE) {
            for (String field : FIELDS) {
                if (!field.equals("strategy") && o.has(field)) {
                    errors.add(
                            new Problem.FieldError(at.apply(field), "all_at_once takes no other field", "unexpected"));
                }
            }
            return RolloutSpec.ALL_AT_ONCE;
        }
        List<String> groups = groups(o.get("groups"), at.apply("groups"), errors);
        int basisPoints = 0;
        int stepBasisPoints = 0;
        switch (strategy.get()) {
            case CANARY -> {
                if (o.has("step_percent")) {
                    errors.add(new Problem.FieldError(
                            at.apply("step_percent"), "a canary has one step: give percent", "unexpected"));
                }
                Double fallback = groups.isEmpty() ? DEFAULT_CANARY_PERCENT : null;
                basisPoints = percent(o.get("percent"), fallback, at.apply("percent"), errors);
            }
            case LINEAR, EXPONENTIAL -> {
                if (o.has("percent")) {
                    errors.add(new Problem.FieldError(
                            at.apply("percent"), "linear and exponential rollouts take step_percent", "unexpected"));
                }
                double fallback =
                        strategy.get() == Strategy.LINEAR ? DEFAULT_LINEAR_PERCENT : DEFAULT_EXPONENTIAL_PERCENT;
                stepBasisPoints = percent(o.get("step_percent"), fallback, at.apply("step_percent"), errors);
            }
            default -> {}
        }
        Duration interval =
                duration(o.get("step_interval"), DEFAULT_INTERVAL, MIN_INTERVAL, at.apply("step_interval"), errors);
        Duration bake = duration(o.get("bake_time"), DEFAULT_BAKE, Duration.ZERO, at.apply("bake_time"), errors);
        Thresholds thresholds = thresholds(o.get("thresholds"), at, errors);
        RolloutSpec spec =
                new RolloutSpec(strategy.get(), basisPoints, groups, stepBasisPoints, interval, bake, thresholds);
        if (errors.isEmpty() && spec.steps().size() > MAX_STEPS) {
            errors.add(new Problem.FieldError(
                    at.apply("step_percent"), "at most " + MAX_STEPS + " steps: use a larger step_percent", "range"));
        }
        return spec;
    }

    private static List<String> groups(JsonNode node, String pointer, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Problem.FieldError(pointer, "an array of worker group names", "type"));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode g = node.get(i);
            if (!g.isTextual()
                    || !GROUP.matcher(g.asText()).matches()
                    || g.asText().length() > 64) {
                errors.add(new Problem.FieldError(
                        pointer + "/" + i, "a group name: lower case letters, digits, - or _, at most 64", "pattern"));
            } else {
                out.add(g.asText());
            }
        }
        if (out.size() > MAX_GROUPS) {
            errors.add(new Problem.FieldError(pointer, "at most " + MAX_GROUPS + " groups", "range"));
        }
        return List.copyOf(out);
    }

    /** Basis points of a percentage in (0, 100) with at most two decimals; 0 when absent without fallback. */
    private static int percent(JsonNode node, Double fallback, String pointer, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return fallback == null ? 0 : (int) Math.round(fallback * 100);
        }
        if (!node.isNumber()) {
            errors.add(new Problem.FieldError(pointer, "a number of percent, e.g. 10 or 2.5", "type"));
            return 0;
        }
        double value = node.asDouble();
        long bp = Math.round(value * 100);
        if (!(value > 0 && value < 100) || Math.abs(bp - value * 100) > 1e-6) {
            errors.add(new Problem.FieldError(pointer, "more than 0 and less than 100, at most two decimals", "range"));
            return 0;
        }
        return (int) bp;
    }

    private static Duration duration(
            JsonNode node, Duration fallback, Duration min, String pointer, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        Optional<Duration> d = node.isTextual() ? Durations.parse(node.asText()) : Optional.empty();
        if (d.isEmpty()) {
            errors.add(new Problem.FieldError(pointer, "a duration such as 90s, 10m, 2h or PT10M", "format"));
            return fallback;
        }
        if (d.get().compareTo(min) < 0 || d.get().compareTo(MAX_TIME) > 0) {
            errors.add(new Problem.FieldError(
                    pointer, "between " + Durations.format(min) + " and " + Durations.format(MAX_TIME), "range"));
            return fallback;
        }
        return d.get();
    }

    private static Thresholds thresholds(
            JsonNode node, java.util.function.Function<String, String> at, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return Thresholds.DEFAULT;
        }
        String base = at.apply("thresholds");
        if (!node.isObject()) {
            errors.add(new Problem.FieldError(base, "an object", "type"));
            return Thresholds.DEFAULT;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!THRESHOLD_FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(
                        base + "/" + name, "unknown field; known: " + THRESHOLD_FIELDS, "unknown"));
            }
        }
        double increase = Thresholds.DEFAULT.maxErrorRateIncrease();
        JsonNode inc = node.get("max_error_rate_increase");
        if (inc != null && !inc.isNull()) {
            if (!inc.isNumber() || inc.asDouble() < 0 || inc.asDouble() > 1) {
                errors.add(new Problem.FieldError(
                        base + "/max_error_rate_increase", "a fraction from 0 to 1, e.g. 0.05", "range"));
            } else {
                increase = inc.asDouble();
            }
        }
        int minReports = Thresholds.DEFAULT.minReports();
        JsonNode min = node.get("min_reports");
        if (min != null && !min.isNull()) {
            if (!min.isIntegralNumber() || min.asLong() < 0 || min.asLong() > 1_000_000) {
                errors.add(new Problem.FieldError(base + "/min_reports", "a whole number from 0 to 1000000", "range"));
            } else {
                minReports = min.asInt();
            }
        }
        Thresholds.OnBreach onBreach = Thresholds.DEFAULT.onBreach();
        JsonNode breach = node.get("on_breach");
        if (breach != null && !breach.isNull()) {
            if ("rollback".equals(breach.asText()) && breach.isTextual()) {
                onBreach = Thresholds.OnBreach.ROLLBACK;
            } else if ("pause".equals(breach.asText()) && breach.isTextual()) {
                onBreach = Thresholds.OnBreach.PAUSE;
            } else {
                errors.add(new Problem.FieldError(base + "/on_breach", "rollback or pause", "enum"));
            }
        }
        return new Thresholds(increase, minReports, onBreach);
    }

    /**
     * The object form of a short form: {@code <strategy>[:<part>/<part>...]}, parts being {@code
     * <n>%} (the share), a duration (the step interval), {@code bake=<duration>}, {@code
     * group=<a>[+<b>...]}, {@code min_reports=<n>}, {@code max_error_rate_increase=<x>} and {@code
     * on_breach=rollback|pause}.
     */
    static ObjectNode expand(String text, String pointer, List<Problem.FieldError> errors) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String strategy = colon < 0 ? trimmed : trimmed.substring(0, colon);
        o.put("strategy", strategy);
        if (colon < 0) {
            return o;
        }
        boolean canary = "canary".equals(strategy);
        for (String part : trimmed.substring(colon + 1).split("/")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (p.endsWith("%")) {
                String number = p.substring(0, p.length() - 1);
                try {
                    o.put(canary ? "percent" : "step_percent", Double.parseDouble(number));
                } catch (NumberFormatException e) {
                    errors.add(new Problem.FieldError(pointer, "'" + p + "' is not a percentage", "format"));
                }
            } else if (eq > 0) {
                String key = p.substring(0, eq);
                String value = p.substring(eq + 1);
                switch (key) {
                    case "bake" -> o.put("bake_time", value);
                    case "group", "groups" -> {
                        var array = o.putArray("groups");
                        for (String g : value.split("\\+")) {
                            array.add(g);
                        }
                    }
                    case "min_reports" -> {
                        try {
                            o.with("thresholds").put("min_reports", Integer.parseInt(value));
                        } catch (NumberFormatException e) {
                            errors.add(new Problem.FieldError(pointer, "min_reports must be a number", "format"));
                        }
                    }
                    case "max_error_rate_increase" -> {
                        try {
                            o.with("thresholds").put("max_error_rate_increase", Double.parseDouble(value));
                        } catch (NumberFormatException e) {
                            errors.add(new Problem.FieldError(
                                    pointer, "max_error_rate_increase must be a number", "format"));
                        }
                    }
                    case "on_breach" -> o.with("thresholds").put("on_breach", value);
                    default ->
                        errors.add(new Problem.FieldError(
                                pointer,
                                "unknown part '" + key + "'; known: bake, group, min_reports,"
                                        + " max_error_rate_increase, on_breach",
                                "format"));
                }
            } else if (Durations.parse(p).isPresent() && !o.has("step_interval")) {
                o.put("step_interval", p);
            } else {
                errors.add(new Problem.FieldError(
                        pointer,
                        "'" + p + "' is not a share (25%), an interval (10m) or key=value;"
                                + " e.g. linear:25%/10m/bake=30m",
                        "format"));
            }
        }
        return o;
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return ProblemException.invalid("the rollout is invalid", errors);
    }

    /** Basis points as a percentage for API answers. */
    static double percentOf(int basisPoints) {
        return basisPoints / (double) (WorkerBuckets.ALL / 100);
    }
}
