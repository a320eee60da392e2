package io.plugsync.api.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.SourceStatus;
import java.util.Set;
import java.util.UUID;

/** Request bodies of {@code /connector-instances}. */
public final class InstanceRequests {
    static final Set<String> STATUSES = Set.copyOf(SourceStatus.wires(SourceStatus.Instance.SETTABLE));

    private InstanceRequests() {}

    public record Create(UUID connectorAccountId, String name, String remoteId, JsonNode instanceConfig) {
        Validation validate() {
            return new Validation()
                    .require(connectorAccountId != null, "/connector_account_id", "required", "required")
                    .text(name, "/name", 200, true)
                    .text(remoteId, "/remote_id", 200, false)
                    .require(
                            instanceConfig == null || instanceConfig.isObject(),
                            "/instance_config",
                            "a JSON object",
                            "type");
        }
    }

    /** A rename needs editor on the instance, a status change manager (rbac.md: disable is high-impact). */
    public record Update(String name, String status) {
        void validate() {
            new Validation()
                    .text(name, "/name", 200, false)
                    .require(status == null || STATUSES.contains(status), "/status", "one of " + STATUSES, "enum")
                    .throwIfAny("the connector instance change is not valid");
        }

        SourceStatus.Instance parsedStatus() {
            return status == null ? null : SourceStatus.Instance.parse(status).orElseThrow();
        }
    }
}
