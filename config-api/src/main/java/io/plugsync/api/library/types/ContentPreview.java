package io.plugsync.api.library.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.common.library.ParsedConfig;
import io.plugsync.common.library.Projection;

/**
 * What the library would store for submitted content: the projection onto the object row (title,
 * description, slug, file name and path) and the parsed payload's parts: the name, frontmatter
 * fields and body of Markdown types, the normalized server map of an MCP config.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentPreview(
        String objectType,
        String title,
        String description,
        String slug,
        String fileName,
        String relativePath,
        String name,
        JsonNode frontmatter,
        String body,
        JsonNode servers) {

    static ContentPreview of(ParsedConfig parsed) {
        Projection p = parsed.projection();
        JsonNode payload = parsed.payload();
        return new ContentPreview(
                parsed.type().wire(),
                p.title(),
                p.description(),
                p.slug(),
                p.fileName(),
                p.relativePath(),
                text(payload, "name"),
                payload.get("frontmatter"),
                text(payload, "body"),
                payload.get("servers"));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
