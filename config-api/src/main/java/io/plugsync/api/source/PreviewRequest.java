package io.plugsync.api.source;

import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.PathSelector;

/** {@code POST /connector-targets/{id}/mappings/preview}: a selector not saved yet. */
public record PreviewRequest(String selector) {
    void validate() {
        Validation check = new Validation();
        PathSelector.problem(selector).ifPresent(problem -> check.require(false, "/selector", problem, "selector"));
        check.throwIfAny("the selector is not valid");
    }
}
