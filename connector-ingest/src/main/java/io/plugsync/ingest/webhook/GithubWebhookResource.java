package io.plugsync.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;
import io.plugsync.ingest.github.GithubConfig;
import io.plugsync.ingest.metrics.IngestMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * GitHub App webhook receiver: verify, de-duplicate, record, answer. Never calls GitHub; sync
 * workers do the slow part.
 */
@Path("/api/webhooks/connectors/github")
public class GithubWebhookResource {
    static final Set<String> HANDLED = Set.of("push", "installation", "installation_repositories", "repository");

    private final GithubConfig config;
    private final WebhookService service;
    private final ObjectMapper json;
    private final IngestMetrics metrics;

    public GithubWebhookResource(
            GithubConfig config, WebhookService service, ObjectMapper json, IngestMetrics metrics) {
        this.config = config;
        this.service = service;
        this.json = json;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(
            @HeaderParam("X-GitHub-Event") String event,
            @HeaderParam("X-GitHub-Delivery") String deliveryId,
            @HeaderParam("X-Hub-Signature-256") String signature,
            byte[] body) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            metrics.delivery(event, "not_configured");
            throw new ProblemException(Problem.of(
                    503, "webhook-not-configured", "Webhook not configured", "no GitHub webhook secret is configured"));
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.valid(secret, raw, signature)) {
            metrics.delivery(event, "bad_signature");
            throw new ProblemException(Problem.of(
                    401, "bad-signature", "Unauthorized", "X-Hub-Signature-256 is missing or does not match the body"));
        }
        if (event == null || !HANDLED.contains(event)) {
            metrics.delivery(event, "ignored");
            return Uni.createFrom()
                    .item(Response.ok(new WebhookOutcome(deliveryId, event, "ignored", List.of()))
                            .build());
        }
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 200) {
            throw invalid("/headers/X-GitHub-Delivery", "X-GitHub-Delivery is required");
        }
        JsonNode payload = parse(raw);
        return service.handle(event, deliveryId, payload).map(outcome -> {
            metrics.delivery(event, outcome.outcome());
            return Response.status(outcome.accepted() ? 202 : 200)
                    .entity(outcome)
                    .build();
        });
    }

    private JsonNode parse(byte[] raw) {
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw invalid("", "the payload must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-payload", "the payload is not valid JSON");
        }
    }

    static ProblemException invalid(String pointer, String message) {
        return new ProblemException(Problem.of(400, "malformed-payload", "Bad request", message)
                .withErrors(List.of(new Problem.FieldError(pointer, message, "invalid"))));
    }
}
