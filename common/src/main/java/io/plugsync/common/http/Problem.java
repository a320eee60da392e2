package io.plugsync.common.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code type} is a stable URI
 * ending in a machine-readable reason; extra members (e.g. {@code active_version}) go in {@link
 * #extensions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("errors") List<FieldError> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://plugsync.io/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(int status, String reason, String title, String detail) {
        return new Problem(TYPE_PREFIX + reason, title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, extensions);
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, errors, more);
    }

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions;
    }

    /** One failing field: a JSON pointer into the request (or document) and what is wrong there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(
            @JsonProperty("pointer") String pointer,
            @JsonProperty("message") String message,
            @JsonProperty("code") String code) {}
}
