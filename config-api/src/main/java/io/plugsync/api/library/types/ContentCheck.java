package io.plugsync.api.library.types;

import io.plugsync.common.http.Problem;
import java.util.List;

/**
 * The answer of {@code POST /{kind}/validate}: whether the content is valid, every failing field
 * (the same pointers, messages and codes a create answers with in its 422) and, when valid, the
 * preview.
 */
public record ContentCheck(boolean valid, String objectType, List<Problem.FieldError> errors, ContentPreview preview) {}
