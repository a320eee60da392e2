package io.plugsync.common.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The selector rule shared by the sync and the admin API's previews. */
class PathSelectorTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"/sales/skills/**", "/**", "/a/*.md", "/docs/{a,b}/SKILL.md", "/x/[abc]?/y", "/.claude/agents/*"
            })
    void acceptsGlobs(String selector) {
        assertThat(PathSelector.problem(selector)).as(selector).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/",
                "sales/**",
                "/a//b",
                "/a/",
                "/../x",
                "/./x",
                "/a/**b",
                "/a/b**",
                "/a/[b",
                "/a/{b",
                "/a\\\\b"
            })
    void rejectsMalformedSelectors(String selector) {
        assertThat(PathSelector.problem(selector)).as(selector).isPresent();
    }

    @Test
    void rejectsNullAndOverlongSelectors() {
        assertThat(PathSelector.problem(null)).contains("required");
        assertThat(PathSelector.problem("/" + "a".repeat(PathSelector.MAX_LENGTH)))
                .isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "/sales/skills/**, sales/skills/pdf/SKILL.md, true",
        "/sales/skills/**, sales/skills/SKILL.md, true",
        "/sales/skills/**, sales/skills, false",
        "/sales/skills/**, other/sales/skills/x.md, false",
        "/skills/*/SKILL.md, skills/pdf/SKILL.md, true",
        "/skills/*/SKILL.md, skills/a/b/SKILL.md, false",
        "/**/SKILL.md, a/b/SKILL.md, true",
        "/**/SKILL.md, SKILL.md, false",
        "/*.md, README.md, true",
        "/*.md, docs/README.md, false",
        "'/docs/{a,b}/x.md', docs/b/x.md, true",
        "'/docs/{a,b}/x.md', docs/c/x.md, false",
        "/x/[abc]?/y, x/bz/y, true",
        "/Skills/**, skills/a.md, false",
        "agents/*.md, agents/a.md, true"
    })
    void matchesRepositoryPathsWithTheLeadingSlashStripped(String selector, String path, boolean matches) {
        assertThat(PathSelector.of(selector).matches(path))
                .as(selector + " ~ " + path)
                .isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"/sales/skills/**, sales/skills/", "/sales/sk*/x, sales/", "/*.md, ''", "/**, ''", "/a/b.md, a/"})
    void literalPrefixIsTheDirectoryBeforeTheFirstWildcard(String selector, String prefix) {
        assertThat(PathSelector.of(selector).literalPrefix()).isEqualTo(prefix);
    }

    @Test
    void mayContainDirectoriesOnTheWayToOrBelowTheLiteralPrefix() {
        PathSelector selector = PathSelector.of("/sales/skills/**");
        assertThat(selector.mayContain("sales")).isTrue();
        assertThat(selector.mayContain("sales/skills/pdf")).isTrue();
        assertThat(selector.mayContain("marketing")).isFalse();
        assertThat(selector.mayContain("sales/skillset")).isFalse();
    }

    @Test
    void selectKeepsTheMatchingPathsInOrder() {
        List<String> tree = List.of(
                "README.md",
                "sales/skills/b/SKILL.md",
                "sales/skills/a/SKILL.md",
                "sales/notes.md",
                "x/sales/skills/c");
        assertThat(PathSelector.of("/sales/skills/**").select(tree))
                .containsExactly("sales/skills/b/SKILL.md", "sales/skills/a/SKILL.md");
        assertThat(PathSelector.of("/**/*.md").select(tree))
                .containsExactly("sales/skills/b/SKILL.md", "sales/skills/a/SKILL.md", "sales/notes.md");
    }

    @Test
    void selectAgreesWithMatchesWhenTheGlobEscapes() {
        // escapes are refused by problem() but stored selectors still match the way the sync does
        PathSelector escaped = PathSelector.of("/a\\b/c");
        List<String> tree = List.of("ab/c", "a\\b/c");
        assertThat(escaped.select(tree))
                .containsExactlyElementsOf(
                        tree.stream().filter(escaped::matches).toList());
        assertThat(escaped.matches("ab/c")).isTrue();
    }
}
