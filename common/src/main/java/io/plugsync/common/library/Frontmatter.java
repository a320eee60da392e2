package io.plugsync.common.library;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** YAML frontmatter of a Markdown file: a leading {@code ---} block, then the body. */
record Frontmatter(Map<String, Object> fields, String body) {

    /** The frontmatter, empty when the text does not start with {@code ---}; YAML errors go to issues. */
    static Optional<Frontmatter> split(String text, Issues issues) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            return Optional.empty();
        }
        int end = -1;
        int lineStart = 4;
        while (lineStart <= normalized.length()) {
            int lineEnd = normalized.indexOf('\n', lineStart);
            String line = normalized.substring(lineStart, lineEnd < 0 ? normalized.length() : lineEnd);
            if (line.strip().equals("---")) {
                end = lineStart;
                break;
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (end < 0) {
            issues.add("/content", "the frontmatter starting with --- is never closed by a --- line", "frontmatter");
            return Optional.empty();
        }
        String yaml = normalized.substring(4, end);
        int bodyStart = normalized.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1);
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (loaded == null) {
                return Optional.of(new Frontmatter(Map.of(), body));
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                issues.add("/content/frontmatter", "the frontmatter must be a YAML mapping", "frontmatter");
                return Optional.empty();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return Optional.of(new Frontmatter(fields, body));
        } catch (YAMLException e) {
            String reason = e.getMessage() == null
                    ? "syntax error"
                    : e.getMessage().lines().findFirst().orElse("");
            issues.add("/content/frontmatter", "the frontmatter is not valid YAML: " + reason, "yaml");
            return Optional.empty();
        }
    }

    /** A string field, or {@code null}; a non-string value is an issue. */
    String string(String key, Issues issues) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.strip();
        }
        issues.add("/content/frontmatter/" + Issues.segment(key), "must be a string", "type");
        return null;
    }
}
