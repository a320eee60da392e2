package io.plugsync.common.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Rules of the Markdown-based types: skill, agent, command, context and custom. */
final class MarkdownTypes {
    private static final int BODY_SEARCH_CHARS = 4000;
    private static final int DERIVED_DESCRIPTION = 280;

    private MarkdownTypes() {}

    /** A SKILL.md: frontmatter with {@code name} (slug, <= 64) and {@code description} (<= 1024). */
    static ParsedConfig skill(ConfigSource source, Issues issues) {
        Optional<Frontmatter> fm = Frontmatter.split(source.content(), issues);
        if (fm.isEmpty()) {
            if (issues.isEmpty()) {
                issues.add(
                        "/content",
                        "a skill is a SKILL.md starting with YAML frontmatter (---) with name and description",
                        "frontmatter");
            }
            return null;
        }
        String name = fm.get().string("name", issues);
        String description = fm.get().string("description", issues);
        ConfigParsers.checkName(name, "/content/frontmatter/name", issues);
        ConfigParsers.checkDescription(description, "/content/frontmatter/description", true, issues);
        if (!issues.isEmpty()) {
            return null;
        }
        String body = fm.get().body();
        ObjectNode payload = namedPayload(name, description, fm.get(), body);
        return new ParsedConfig(
                ObjectType.SKILL,
                payload,
                source.content(),
                ConfigParsers.projection(
                        source, "SKILL.md", name, description, name, Text.search(name, description, excerpt(body))));
    }

    /** A sub-agent definition: frontmatter with {@code name} and {@code description}, the prompt as body. */
    static ParsedConfig agent(ConfigSource source, Issues issues) {
        Optional<Frontmatter> fm = Frontmatter.split(source.content(), issues);
        if (fm.isEmpty()) {
            if (issues.isEmpty()) {
                issues.add(
                        "/content",
                        "an agent is Markdown starting with YAML frontmatter (---) with name and description",
                        "frontmatter");
            }
            return null;
        }
        String name = fm.get().string("name", issues);
        String description = fm.get().string("description", issues);
        ConfigParsers.checkName(name, "/content/frontmatter/name", issues);
        ConfigParsers.checkDescription(description, "/content/frontmatter/description", true, issues);
        Object tools = fm.get().fields().get("tools");
        if (tools != null && !(tools instanceof String) && !(tools instanceof java.util.List<?>)) {
            issues.add("/content/frontmatter/tools", "a comma-separated string or a list of tool names", "type");
        }
        if (Text.blank(fm.get().body())) {
            issues.add("/content", "the agent needs a prompt after the frontmatter", "required");
        }
        if (!issues.isEmpty()) {
            return null;
        }
        String body = fm.get().body();
        return new ParsedConfig(
                ObjectType.AGENT,
                namedPayload(name, description, fm.get(), body),
                source.content(),
                ConfigParsers.projection(
                        source, name + ".md", name, description, name, Text.search(name, description, excerpt(body))));
    }

    /**
     * A slash command: Markdown, optional frontmatter. Its name is frontmatter {@code name}, else the
     * file name without extension; the description is frontmatter {@code description}, else the first line.
     */
    static ParsedConfig command(ConfigSource source, Issues issues) {
        Optional<Frontmatter> fm = Frontmatter.split(source.content(), issues);
        if (!issues.isEmpty()) {
            return null;
        }
        Frontmatter doc = fm.orElse(new Frontmatter(Map.of(), source.content().replace("\r\n", "\n")));
        String name = doc.string("name", issues);
        String namePointer = "/content/frontmatter/name";
        if (Text.blank(name)) {
            name = Text.stem(source.effectiveFileName());
            namePointer = "/file_name";
        }
        String description = doc.string("description", issues);
        ConfigParsers.checkName(name, namePointer, issues);
        ConfigParsers.checkDescription(description, "/content/frontmatter/description", false, issues);
        if (Text.blank(doc.body())) {
            issues.add("/content", "the command needs a prompt body", "required");
        }
        if (!issues.isEmpty()) {
            return null;
        }
        String shown = Text.blank(description)
                ? Text.clip(Text.firstParagraphLine(doc.body()), DERIVED_DESCRIPTION)
                : description;
        return new ParsedConfig(
                ObjectType.COMMAND,
                namedPayload(name, description, doc, doc.body()),
                source.content(),
                ConfigParsers.projection(
                        source, name + ".md", name, shown, name, Text.search(name, shown, excerpt(doc.body()))));
    }

    /** Context (e.g. AGENTS.md, CLAUDE.md): free Markdown; title from the title hint, first heading or file name. */
    static ParsedConfig context(ConfigSource source, Issues issues) {
        String text = source.content().replace("\r\n", "\n");
        String title = firstNonBlank(
                source.titleHint(),
                Text.firstHeading(text),
                Text.stem(source.effectiveFileName()),
                Text.firstLine(text));
        String description = Text.clip(Text.firstParagraphLine(text), DERIVED_DESCRIPTION);
        ObjectNode payload = ConfigParsers.JSON.createObjectNode().put("body", text);
        return new ParsedConfig(
                ObjectType.CONTEXT,
                payload,
                source.content(),
                ConfigParsers.projection(source, null, title, description, null, Text.search(title, excerpt(text))));
    }

    /** Anything else: non-blank text; the title hint or file name names it, else its first line. */
    static ParsedConfig custom(ConfigSource source, Issues issues) {
        String text = source.content();
        String title = firstNonBlank(source.titleHint(), source.effectiveFileName(), Text.firstLine(text));
        ObjectNode payload = ConfigParsers.JSON.createObjectNode().put("body", text);
        return new ParsedConfig(
                ObjectType.CUSTOM,
                payload,
                source.content(),
                ConfigParsers.projection(source, null, title, null, null, Text.search(title, excerpt(text))));
    }

    private static ObjectNode namedPayload(String name, String description, Frontmatter fm, String body) {
        ObjectNode payload = ConfigParsers.JSON.createObjectNode();
        payload.put("name", name);
        if (description != null) {
            payload.put("description", description);
        }
        JsonNode fields = ConfigParsers.JSON.valueToTree(fm.fields());
        payload.set("frontmatter", fields);
        payload.put("body", body);
        return payload;
    }

    private static String excerpt(String body) {
        return Text.clip(body, BODY_SEARCH_CHARS);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!Text.blank(value)) {
                return value.strip();
            }
        }
        return null;
    }
}
