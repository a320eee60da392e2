package io.plugsync.api.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.api.draft.DraftRow;
import io.plugsync.api.draft.DraftService;
import io.plugsync.api.draft.DraftView;
import io.plugsync.api.governance.gate.PublishAttempt;
import io.plugsync.api.governance.gate.PublishGate;
import io.plugsync.api.rollout.RolloutStarter;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.common.json.CanonicalJson;
import io.plugsync.common.outbox.OutboxContract;
import io.plugsync.common.v3.FlowManifest;
import io.plugsync.common.v3.V3Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Publishes a draft locked in the caller's transaction: the governance gate ({@link PublishGate})
 * judges the attempt, then one call of the publish function writes the version, active flag,
 * manifests, outbox event and journal entry; its refusals become 409s.
 */
@ApplicationScoped
class Publisher {
    private static final String EMPTY_CHECKSUM = CanonicalJson.sha256(V3Document.empty());

    private final PublishRepository publishes;
    private final PublishGate gate;
    private final RolloutStarter rollouts;
    private final ObjectMapper json;

    Publisher(PublishRepository publishes, PublishGate gate, RolloutStarter rollouts, ObjectMapper json) {
        this.publishes = publishes;
        this.gate = gate;
        this.rollouts = rollouts;
        this.json = json;
    }

    Uni<Publication> publish(SqlClient db, PublishCommand command) {
        DraftRow draft = command.draft();
        int base = command.base();
        return Uni.createFrom()
                .item(() -> request(command))
                .call(request -> gate.check(db, attempt(command, request.checksum())))
                .flatMap(request -> publishes.publish(db, request).flatMap(published -> switch (published.outcome()) {
                    case STALE_BASE_VERSION ->
                        throw new ProblemException(Problem.of(
                                        409,
                                        "stale-base-version",
                                        "Conflict",
                                        "version " + published.activeVersion() + " was published after version " + base
                                                + "; rebase or reset the draft, then publish on base_version "
                                                + published.activeVersion())
                                .with("active_version", published.activeVersion())
                                .with("base_version", base)
                                .with("draft_base_version", draft.baseVersion()));
                    case NO_CHANGES ->
                        throw new ProblemException(Problem.of(
                                        409,
                                        "no-changes",
                                        "Conflict",
                                        "the draft equals version " + published.activeVersion())
                                .with("active_version", published.activeVersion()));
                    case PUBLISHED ->
                        rollouts.afterPublish(db, rollout(command, published.activeVersion()))
                                .map(rollout -> new Publication(
                                        new PublishResult(
                                                published.activeVersion(),
                                                request.checksum(),
                                                published.publishedAt(),
                                                command.caller().subject(),
                                                rollout.orElse(null)),
                                        afterPublish(command, published)));
                }))
                .call(p -> gate.published(
                        db, attempt(command, p.result().checksum()), p.result().version()));
    }

    /** The publish as the governance gate judges it: who publishes which draft revision, as which document. */
    private static PublishAttempt attempt(PublishCommand command, String checksum) {
        DraftRow draft = command.draft();
        return new PublishAttempt(
                draft.connectorId(),
                draft.organizationId(),
                command.caller(),
                command.writer(),
                draft.revision(),
                draft.baseVersion(),
                command.base(),
                checksum,
                Instant.now());
    }

    /** The rollout side of the publish (refuses it while a rollout is open, unless it supersedes). */
    private static RolloutStarter.Published rollout(PublishCommand command, int version) {
        DraftRow draft = command.draft();
        return new RolloutStarter.Published(
                draft.connectorId(),
                draft.organizationId(),
                version,
                command.rollout().spec(),
                command.rollout().pointer(),
                command.rollout().supersede(),
                command.caller(),
                command.writer());
    }

    /** The publish function's inputs; validates the draft first when it is published as stored. */
    private PublishRepository.Request request(PublishCommand command) {
        JsonNode document = command.document();
        if (command.replacement() == null) {
            DraftService.requireValid(document);
        }
        DraftRow draft = command.draft();
        int base = command.base();
        String checksum = CanonicalJson.sha256(document);
        return new PublishRepository.Request(
                draft.connectorId(),
                draft.organizationId(),
                base,
                V3Document.write(document),
                checksum,
                checksum.equals(EMPTY_CHECKSUM),
                manifests(document),
                command.caller().subject(),
                command.writer().wire(),
                command.message(),
                draft.revision(),
                publishDetail(base + 1, checksum, command),
                OutboxContract.CONNECTOR_VERSION_PUBLISHED,
                write(command.trace()),
                command.replacesDraft() ? write(command.changedPaths()) : null);
    }

    /** The draft right after the publish: based on and equal to the new version. */
    private static DraftView afterPublish(PublishCommand command, PublishRepository.Published published) {
        DraftRow draft = command.draft();
        boolean replaced = command.replacesDraft();
        DraftRow rebased = new DraftRow(
                draft.connectorId(),
                draft.organizationId(),
                command.document(),
                published.activeVersion(),
                published.draftRevision(),
                null,
                replaced ? command.caller().subject() : draft.updatedBy(),
                replaced ? command.writer().wire() : draft.updatedByKind(),
                published.draftUpdatedAt());
        return DraftView.justPublished(rebased);
    }

    /** The event flow manifests of the draft as one JSON array (inserted by the publish function). */
    private static String manifests(JsonNode document) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (FlowManifest m : FlowManifest.of(document)) {
            ObjectNode row = rows.addObject();
            row.put("flow_key", m.flowKey());
            row.put("source", m.source());
            row.put("event_type", m.eventType());
            row.set("manifest", m.manifest());
            row.put("checksum", m.checksum());
        }
        return V3Document.write(rows);
    }

    private static String publishDetail(int version, String checksum, PublishCommand command) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("version", version);
        detail.put("checksum", checksum);
        if (command.message() != null) {
            detail.put("message", command.message());
        }
        if (command.forced()) {
            detail.put("forced", true);
        }
        return V3Document.write(detail);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
