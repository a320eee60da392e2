package io.plugsync.common.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugsync.common.http.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigParsersTest {
    static final String SKILL =
            "---\nname: pdf-tools\ndescription: Fill and merge PDF forms\n---\n# PDF tools\nUse pdftk.\n";

    static List<String> pointers(Throwable e) {
        return ((InvalidContentException) e)
                .errors().stream().map(Problem.FieldError::pointer).toList();
    }

    @Test
    void skillProjectsNameAndDescriptionFromFrontmatter() {
        ParsedConfig parsed = ConfigParsers.parse(ObjectType.SKILL, ConfigSource.of(SKILL));
        assertThat(parsed.projection().title()).isEqualTo("pdf-tools");
        assertThat(parsed.projection().description()).isEqualTo("Fill and merge PDF forms");
        assertThat(parsed.projection().fileName()).isEqualTo("SKILL.md");
        assertThat(parsed.projection().fileExtension()).isEqualTo("md");
        assertThat(parsed.projection().searchText()).contains("pdftk");
        assertThat(parsed.payload().path("name").asText()).isEqualTo("pdf-tools");
        assertThat(parsed.payload().path("body").asText()).startsWith("# PDF tools");
    }

    @Test
    void skillFileNameComesFromRelativePath() {
        ParsedConfig parsed =
                ConfigParsers.parse(ObjectType.SKILL, new ConfigSource(SKILL, null, "sales/skills/pdf/SKILL.md", null));
        assertThat(parsed.projection().fileName()).isEqualTo("SKILL.md");
        assertThat(parsed.projection().relativePath()).isEqualTo("sales/skills/pdf/SKILL.md");
    }

    @Test
    void skillNameMustBeALowerCaseSlugOfAtMost64() {
        for (String name : List.of("PDF", "pdf--tools", "-pdf", "pdf_tools", "a".repeat(65))) {
            assertThatThrownBy(() -> ConfigParsers.parse(
                            ObjectType.SKILL, ConfigSource.of("---\nname: " + name + "\ndescription: d\n---\nbody")))
                    .as(name)
                    .isInstanceOf(InvalidContentException.class)
                    .satisfies(e -> assertThat(pointers(e)).containsExactly("/content/frontmatter/name"));
        }
        assertThat(ConfigParsers.parse(
                                ObjectType.SKILL,
                                ConfigSource.of("---\nname: " + "a".repeat(64) + "\ndescription: d\n---\n"))
                        .projection()
                        .title())
                .hasSize(64);
    }

    @Test
    void skillDescriptionIsRequiredAndAtMost1024() {
        assertThatThrownBy(() -> ConfigParsers.parse(
                        ObjectType.SKILL,
                        ConfigSource.of("---\nname: ok\ndescription: " + "x".repeat(1025) + "\n---\n")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/content/frontmatter/description"));
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.SKILL, ConfigSource.of("---\nname: ok\n---\n")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/content/frontmatter/description"));
    }

    @Test
    void skillWithoutFrontmatterOrWithBrokenYamlIsRejected() {
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.SKILL, ConfigSource.of("# just markdown")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/content"));
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.SKILL, ConfigSource.of("---\nname: [unclosed\n---\n")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/content/frontmatter"));
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.SKILL, ConfigSource.of("---\nname: x\n")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/content"));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.SKILL, ConfigSource.of("---\nname: Bad Name\n---\n")))
                .satisfies(e -> assertThat(pointers(e))
                        .containsExactly("/content/frontmatter/name", "/content/frontmatter/description"));
    }

    @Test
    void blankOrOversizedContentIsRejectedForEveryType() {
        for (ObjectType type : ObjectType.values()) {
            assertThatThrownBy(() -> ConfigParsers.parse(type, ConfigSource.of("  ")))
                    .satisfies(e -> assertThat(pointers(e)).containsExactly("/content"));
            assertThatThrownBy(() ->
                            ConfigParsers.parse(type, ConfigSource.of("x".repeat(ConfigParsers.MAX_CONTENT_CHARS + 1))))
                    .satisfies(e -> assertThat(pointers(e)).containsExactly("/content"));
        }
    }

    @Test
    void pathTraversalAndSlashesInFileNamesAreRejected() {
        assertThatThrownBy(() ->
                        ConfigParsers.parse(ObjectType.CUSTOM, new ConfigSource("x", "a/b", "../etc/passwd", null)))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/file_name", "/relative_path"));
    }

    @Test
    void mcpAcceptsClaudeStyleServerMapsAndNormalizesThem() {
        ParsedConfig parsed = ConfigParsers.parse(
                ObjectType.MCP,
                ConfigSource.of("{\"mcpServers\": {\"github\": {\"command\": \"npx\", \"args\": [\"-y\", \"gh-mcp\"]},"
                        + " \"docs\": {\"url\": \"https://docs.example.com/mcp\", \"type\": \"http\"}}}"));
        assertThat(parsed.payload()
                        .path("servers")
                        .path("github")
                        .path("command")
                        .asText())
                .isEqualTo("npx");
        assertThat(parsed.projection().title()).isEqualTo("github, docs");
        assertThat(parsed.projection().searchText()).contains("docs.example.com");
    }

    @Test
    void mcpSingleServerNeedsANameAndOneTransport() {
        ParsedConfig parsed =
                ConfigParsers.parse(ObjectType.MCP, ConfigSource.of("{\"name\": \"fs\", \"command\": \"mcp-fs\"}"));
        assertThat(parsed.payload().path("servers").path("fs").path("command").asText())
                .isEqualTo("mcp-fs");
        assertThatThrownBy(() -> ConfigParsers.parse(
                        ObjectType.MCP, ConfigSource.of("{\"command\": \"x\", \"url\": \"https://a.b\"}")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/content/name", "/content"));
    }

    @Test
    void mcpRejectsBadJsonAndBadServerFields() {
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.MCP, ConfigSource.of("{not json")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/content"));
        assertThatThrownBy(() -> ConfigParsers.parse(
                        ObjectType.MCP,
                        ConfigSource.of("{\"mcpServers\": {\"a\": {\"url\": \"ftp://x\"}, \"b\": {\"command\": \"c\","
                                + " \"args\": [1]}}}")))
                .satisfies(e -> assertThat(pointers(e))
                        .containsExactly("/content/mcpServers/a/url", "/content/mcpServers/b/args"));
    }

    @Test
    void hookValidatesEventsAndCommands() {
        ParsedConfig parsed = ConfigParsers.parse(
                ObjectType.HOOK,
                ConfigSource.of("{\"hooks\": {\"PreToolUse\": [{\"matcher\": \"Bash\", \"hooks\":"
                        + " [{\"type\": \"command\", \"command\": \"./check.sh\", \"timeout\": 30}]}]}}"));
        assertThat(parsed.projection().title()).isEqualTo("Hooks: PreToolUse");
        assertThatThrownBy(() -> ConfigParsers.parse(
                        ObjectType.HOOK,
                        ConfigSource.of("{\"hooks\": {\"OnCoffee\": [{\"hooks\": [{\"type\": \"command\","
                                + " \"command\": \"\"}]}]}}")))
                .satisfies(e -> assertThat(pointers(e))
                        .containsExactly("/content/hooks/OnCoffee", "/content/hooks/OnCoffee/0/hooks/0/command"));
    }

    @Test
    void commandTakesItsNameFromTheFileName() {
        ParsedConfig parsed = ConfigParsers.parse(
                ObjectType.COMMAND, new ConfigSource("Review the staged diff.\n", "review-pr.md", null, null));
        assertThat(parsed.projection().title()).isEqualTo("review-pr");
        assertThat(parsed.projection().description()).isEqualTo("Review the staged diff.");
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.COMMAND, ConfigSource.of("Review it.")))
                .satisfies(e -> assertThat(pointers(e)).containsExactly("/file_name"));
    }

    @Test
    void agentNeedsNameDescriptionAndPrompt() {
        ParsedConfig parsed = ConfigParsers.parse(
                ObjectType.AGENT,
                ConfigSource.of(
                        "---\nname: reviewer\ndescription: Reviews code\ntools: Read, Grep\n---\nYou review.\n"));
        assertThat(parsed.projection().title()).isEqualTo("reviewer");
        assertThatThrownBy(() -> ConfigParsers.parse(ObjectType.AGENT, ConfigSource.of("---\nname: reviewer\n---\n")))
                .satisfies(
                        e -> assertThat(pointers(e)).containsExactly("/content/frontmatter/description", "/content"));
    }

    @Test
    void contextTitleIsTheHintThenTheFirstHeading() {
        String text = "# Team conventions\n\nWe use trunk-based development.\n";
        assertThat(ConfigParsers.parse(ObjectType.CONTEXT, ConfigSource.of(text))
                        .projection()
                        .title())
                .isEqualTo("Team conventions");
        assertThat(ConfigParsers.parse(ObjectType.CONTEXT, new ConfigSource(text, "AGENTS.md", null, "Ours"))
                        .projection()
                        .title())
                .isEqualTo("Ours");
        assertThat(ConfigParsers.parse(ObjectType.CONTEXT, ConfigSource.of(text))
                        .projection()
                        .description())
                .isEqualTo("We use trunk-based development.");
    }

    @Test
    void customKeepsTheTextAndUsesTheFileNameAsTitle() {
        ParsedConfig parsed =
                ConfigParsers.parse(ObjectType.CUSTOM, new ConfigSource("key = value", "settings.toml", null, null));
        assertThat(parsed.projection().title()).isEqualTo("settings.toml");
        assertThat(parsed.projection().fileExtension()).isEqualTo("toml");
        assertThat(parsed.payload().path("body").asText()).isEqualTo("key = value");
    }
}
