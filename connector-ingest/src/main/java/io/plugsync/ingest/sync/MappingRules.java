package io.plugsync.ingest.sync;

import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The mappings of one target; a path belongs to the most specific matching selector. */
public final class MappingRules {
    private final List<MappingRule> rules;
    private final List<PathMatcher> matchers;
    private final Map<UUID, MappingRule> byId;

    public MappingRules(List<MappingRule> rules) {
        // most specific first: longest literal prefix, then declaration order
        this.rules = rules.stream()
                .sorted(Comparator.comparingInt(
                                (MappingRule r) -> -r.literalPrefix().length())
                        .thenComparingInt(MappingRule::order))
                .toList();
        this.matchers = this.rules.stream().map(MappingRule::matcher).toList();
        this.byId = rules.stream().collect(Collectors.toMap(MappingRule::id, Function.identity()));
    }

    public Optional<MappingRule> match(String path) {
        for (int i = 0; i < rules.size(); i++) {
            if (MappingRule.matches(matchers.get(i), path)) {
                return Optional.of(rules.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<MappingRule> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Directory filter for walking truncated trees. */
    public boolean mayContain(String directory) {
        return rules.stream().anyMatch(r -> r.mayContain(directory));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
