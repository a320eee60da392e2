package io.plugsync.api.governance.gate;

import io.plugsync.common.auth.Caller;
import io.plugsync.common.auth.OrgRole;
import io.plugsync.common.auth.WriterKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to publish a connector's draft, as the gate judges it: who, from which writer, which
 * draft revision and base (read under the draft's row lock) and the checksum of the document that
 * would become the version.
 *
 * @param baseVersion the version the publish is based on (its compare-and-set)
 * @param at when the version would go live (now, or a scheduled publish's time)
 */
public record PublishAttempt(
        UUID connectorId,
        UUID organizationId,
        Caller caller,
        WriterKind writer,
        long draftRevision,
        int draftBaseVersion,
        int baseVersion,
        String checksum,
        Instant at) {

    /** The caller's role in the connector's organisation (viewer when it has none). */
    public OrgRole role() {
        return caller.roleIn(organizationId).orElse(OrgRole.VIEWER);
    }

    /** AI agents: HTTP clients saying {@code X-PlugSync-Writer: agent} and the MCP server. */
    public boolean byAgent() {
        return writer == WriterKind.AGENT || writer == WriterKind.MCP;
    }
}
