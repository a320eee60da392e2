package io.plugsync.api.source;

import io.plugsync.api.library.support.Validation;
import io.plugsync.common.source.SourceKinds;
import io.plugsync.common.source.SourceStatus;
import java.util.Set;

/** Request bodies of {@code /connector-accounts}. */
public final class AccountRequests {
    static final Set<String> TYPES = Set.copyOf(SourceKinds.CONNECTOR_TYPES);
    static final Set<String> STATUSES = Set.copyOf(SourceStatus.Account.wires());

    private AccountRequests() {}

    public record Create(String connectorType, String remoteId, String externalAccountRef, String displayName) {
        void validate() {
            new Validation()
                    .require(TYPES.contains(connectorType), "/connector_type", "one of " + TYPES, "enum")
                    .text(remoteId, "/remote_id", 200, true)
                    .text(displayName, "/display_name", 200, true)
                    .text(externalAccountRef, "/external_account_ref", 500, false)
                    .throwIfAny("the connector account is not valid");
        }
    }

    public record Update(String displayName, String status) {
        void validate() {
            new Validation()
                    .text(displayName, "/display_name", 200, false)
                    .require(status == null || STATUSES.contains(status), "/status", "one of " + STATUSES, "enum")
                    .throwIfAny("the connector account change is not valid");
        }
    }
}
