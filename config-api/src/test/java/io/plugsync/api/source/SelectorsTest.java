package io.plugsync.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"/sales/skills/**", "/**", "/a/*.md", "/docs/{a,b}/SKILL.md", "/x/[abc]?/y", "/.claude/agents/*"
            })
    void acceptsGlobs(String selector) {
        assertThat(Selectors.problem(selector)).as(selector).isEmpty();
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
        assertThat(Selectors.problem(selector)).as(selector).isPresent();
    }
}
