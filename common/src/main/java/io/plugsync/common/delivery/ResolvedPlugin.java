package io.plugsync.common.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.plugsync.common.json.CanonicalJson;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A plugin as delivered: what it is and, per member, the object version it ships now and that
 * version's file. The replica holds two forms of it, both sealed: the manifest (members without
 * content, what a list shows) and the whole document. Its checksum is over the canonical JSON of the
 * whole document, so an unchanged resolution is recognised and not rewritten or re-announced.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolvedPlugin(
        @JsonProperty("plugin_id") UUID pluginId,
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("status") String status,
        @JsonProperty("members") List<Member> members) {

    /** One delivered object: its identity, the version shipped, where it goes, and (whole form) its text. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(
            @JsonProperty("config_object_id") UUID configObjectId,
            @JsonProperty("object_type") String objectType,
            @JsonProperty("title") String title,
            @JsonProperty("version_id") UUID versionId,
            @JsonProperty("version_created_at") OffsetDateTime versionCreatedAt,
            @JsonProperty("path") String path,
            @JsonProperty("content") String content) {

        public Member withoutContent() {
            return new Member(configObjectId, objectType, title, versionId, versionCreatedAt, path, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ResolvedPlugin {
        members = List.copyOf(members);
    }

    /** The manifest form: every member without its content. */
    public ResolvedPlugin manifest() {
        return new ResolvedPlugin(
                pluginId,
                organizationId,
                name,
                description,
                status,
                members.stream().map(Member::withoutContent).toList());
    }

    /** Canonical JSON bytes (sorted keys): the stored form and the checksum's input. */
    public byte[] canonicalBytes() {
        return CanonicalJson.bytes(JSON.valueToTree(this));
    }

    public String checksum() {
        return CanonicalJson.sha256(JSON.valueToTree(this));
    }

    public static ResolvedPlugin parse(byte[] json) {
        try {
            return JSON.readValue(json, ResolvedPlugin.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable resolved plugin: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resolved plugin", e);
        }
    }
}
