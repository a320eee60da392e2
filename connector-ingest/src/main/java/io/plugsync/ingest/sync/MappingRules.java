package io.plugsync.ingest.sync;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The mappings of one target; a path belongs to the most specific matching active selector.
 * Retired mappings select nothing; they are kept so the bindings they left can still be told apart
 * by object type and attributed ({@link #byId}).
 */
public final class MappingRules {
    private final List<MappingRule> rules;
    private final Map<UUID, MappingRule> byId;

    public MappingRules(List<MappingRule> active) {
        this(active, List.of());
    }

    public MappingRules(List<MappingRule> active, List<MappingRule> retired) {
        // most specific first: longest literal prefix, then declaration order
        this.rules = active.stream()
                .sorted(Comparator.comparingInt(
                                (MappingRule r) -> -r.literalPrefix().length())
                        .thenComparingInt(MappingRule::order))
                .toList();
        this.byId = Stream.concat(active.stream(), retired.stream())
                .collect(Collectors.toMap(MappingRule::id, Function.identity()));
    }

    public Optional<MappingRule> match(String path) {
        return rules.stream().filter(rule -> rule.matches(path)).findFirst();
    }

    /** Any mapping of the target, active or retired. */
    public Optional<MappingRule> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The member a binding's objects are attributed to: its mapping's, null when unknown. */
    public UUID attributedTo(Binding binding) {
        return byId(binding.mappingId()).map(MappingRule::attributedTo).orElse(null);
    }

    /** Whether some active mapping may select a path under {@code directory}. */
    public boolean mayContain(String directory) {
        return rules.stream().anyMatch(r -> r.mayContain(directory));
    }

    /** Whether no active mapping selects anything. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
