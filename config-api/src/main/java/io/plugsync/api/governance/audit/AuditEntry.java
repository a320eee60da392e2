package io.plugsync.api.governance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One governance decision or publish of a connector: who ({@code actor}, the token subject), from
 * which kind of writer, at which draft revision, and the decision's detail (review id, comment,
 * refusal problem, version...).
 */
public record AuditEntry(
        long id,
        String action,
        String actor,
        String writerKind,
        long revision,
        JsonNode detail,
        OffsetDateTime createdAt) {}
