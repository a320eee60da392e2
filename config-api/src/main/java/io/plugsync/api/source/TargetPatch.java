package io.plugsync.api.source;

import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.SourceStatus;

/** {@code PATCH /connector-targets/{id}}: the branch and/or the status (absent: unchanged). */
public record TargetPatch(String externalTargetRef, String status) {

    void validate() {
        Validation check = new Validation();
        if (externalTargetRef != null) {
            TargetRequest.branch(check, externalTargetRef);
        }
        check.require(
                        status == null || SourceStatus.Target.parse(status).isPresent(),
                        "/status",
                        "one of " + SourceStatus.Target.wires(),
                        "enum")
                .throwIfAny("the connector target change is not valid");
    }

    SourceStatus.Target parsedStatus() {
        return status == null ? null : SourceStatus.Target.parse(status).orElseThrow();
    }
}
