package io.plugsync.gauntlet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.Skills;
import io.plugsync.ingest.webhook.WebhookSignature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GitHub as the load: each step commits a change to one fake repository (a skill edited, added or
 * removed) and delivers the signed push. Some deliveries are replayed with the same delivery id
 * (GitHub's redelivery), some are forged (a signature that does not match the body). A delivery
 * that got no clear answer (5xx, timeout) is redelivered later with the same id, as an operator
 * would from GitHub's delivery log.
 */
final class WebhookLoad extends LoadLoop {
    static final String PATH = "/api/webhooks/connectors/github";
    private static final int MAX_REDELIVERIES = 30;

    private final World world;
    private final Http http;
    private final Ledger ledger;
    private final FakeGithub github;
    private final Timeline timeline;
    private final List<Ledger.Delivery> unanswered = new ArrayList<>();
    private final Map<Integer, Integer> edits = new java.util.HashMap<>();
    private long lastJournalReset;

    WebhookLoad(
            World world,
            Http http,
            Ledger ledger,
            FakeGithub github,
            Timeline timeline,
            double perSecond,
            AtomicBoolean running,
            long seed) {
        super("webhooks", perSecond, running, seed);
        this.world = world;
        this.http = http;
        this.ledger = ledger;
        this.github = github;
        this.timeline = timeline;
    }

    @Override
    void step() throws IOException {
        redeliver();
        int t = random.nextInt(world.targets().size());
        World.GithubTarget target = world.targets().get(t);
        FakeRepo repo = target.repo();
        String before = repo.head();
        change(t, repo);
        String after = repo.commit();
        byte[] body = pushBody(target, before, after);
        Ledger.Delivery delivery = new Ledger.Delivery(UUID.randomUUID().toString(), t, after, body);
        ledger.deliveries.put(delivery.id, delivery);
        deliver(delivery);
        if (random.nextInt(3) == 0) {
            replay(delivery);
        }
        if (random.nextInt(4) == 0) {
            forge(target, after);
        }
        if (timeline.nowMillis() - lastJournalReset > 60_000) {
            github.forgetRequests();
            lastJournalReset = timeline.nowMillis();
        }
    }

    /** Edits a skill (most often), adds one (up to 8) or removes one (down to 3). */
    private void change(int t, FakeRepo repo) {
        int files = repo.files().size();
        int n = edits.merge(t, 1, Integer::sum);
        int op = random.nextInt(10);
        if (op == 0 && files < 8) {
            repo.put(Setup.skillPath(files), Skills.skill("skill-" + t + "-" + files, "added at edit " + n));
        } else if (op == 1 && files > 3) {
            repo.remove(Setup.skillPath(files - 1));
        } else {
            int f = random.nextInt(files);
            repo.put(Setup.skillPath(f), Skills.skill("skill-" + t + "-" + f, "edit " + n));
        }
    }

    private void deliver(Ledger.Delivery delivery) {
        delivery.attempts++;
        Http.Response answer =
                send("POST webhook push", delivery.id, delivery.body, world.webhookSecret(), Set.of(202));
        if (answer.status() == 202) {
            delivery.accepted = true;
        } else if (answer.status() < 0 || answer.status() >= 500) {
            unanswered.add(delivery);
        }
    }

    /** GitHub's manual redelivery of deliveries that got no answer: same id, same body. */
    private void redeliver() {
        Iterator<Ledger.Delivery> it = unanswered.iterator();
        int sent = 0;
        while (it.hasNext() && sent < 3) {
            Ledger.Delivery d = it.next();
            sent++;
            d.attempts++;
            Http.Response answer =
                    send("POST webhook redelivery", d.id, d.body, world.webhookSecret(), Set.of(200, 202));
            if (answer.status() == 202
                    || (answer.status() == 200
                            && "duplicate_delivery"
                                    .equals(answer.json().path("outcome").asText()))) {
                // 200 duplicate: the first attempt was recorded after all
                d.accepted = true;
                it.remove();
            } else if (answer.ok() || d.attempts > MAX_REDELIVERIES) {
                it.remove();
            }
        }
    }

    /** The same delivery again, right away: answered 200 duplicate_delivery, nothing queued twice. */
    private void replay(Ledger.Delivery delivery) {
        if (!delivery.accepted) {
            return;
        }
        ledger.replays.incrementAndGet();
        Http.Response answer =
                send("POST webhook replay", delivery.id, delivery.body, world.webhookSecret(), Set.of(200));
        if (answer.status() == 200
                && "duplicate_delivery".equals(answer.json().path("outcome").asText())) {
            ledger.replaysAnsweredDuplicate.incrementAndGet();
        }
    }

    /**
     * A push for a commit nobody made: signed with the wrong secret, or a genuine signature over
     * another body, or a real delivery id with a tampered body.
     */
    private void forge(World.GithubTarget target, String realAfter) throws IOException {
        String fake = HexFormat.of()
                .formatHex(UUID.randomUUID().toString().getBytes())
                .substring(0, 40);
        byte[] forgedBody = pushBody(target, realAfter, fake);
        int kind = random.nextInt(3);
        String id = UUID.randomUUID().toString();
        Http.Response answer;
        if (kind == 0) {
            answer = send("POST webhook forged", id, forgedBody, "not-the-secret", Set.of(401));
        } else if (kind == 1) {
            byte[] genuine = pushBody(target, realAfter, realAfter);
            answer = sendSigned(id, forgedBody, WebhookSignature.sign(world.webhookSecret(), genuine));
        } else {
            List<Ledger.Delivery> known = new ArrayList<>(ledger.deliveries.values());
            id = known.get(random.nextInt(known.size())).id;
            answer = send("POST webhook forged", id, forgedBody, "not-the-secret", Set.of(401));
        }
        ledger.forged.add(
                new Ledger.Forged(id, fake, kind == 0 ? "wrong secret" : kind == 1 ? "tampered" : "replayed id"));
        if (answer.status() == 401) {
            ledger.forgedRejected.incrementAndGet();
        }
    }

    private Http.Response send(String endpoint, String id, byte[] body, String secret, Set<Integer> expected) {
        return http.send(
                endpoint,
                world.ingest(),
                "POST",
                PATH,
                body,
                Map.of(
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        id,
                        "X-Hub-Signature-256",
                        WebhookSignature.sign(secret, body),
                        "Content-Type",
                        "application/json"),
                expected);
    }

    private Http.Response sendSigned(String id, byte[] body, String signature) {
        return http.send(
                "POST webhook forged",
                world.ingest(),
                "POST",
                PATH,
                body,
                Map.of(
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        id,
                        "X-Hub-Signature-256",
                        signature,
                        "Content-Type",
                        "application/json"),
                Set.of(401));
    }

    /** A push payload as GitHub sends it (the receiver reads ref, before, after, repository, installation). */
    static byte[] pushBody(World.GithubTarget target, String before, String after) throws IOException {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("ref", "refs/heads/main").put("before", before).put("after", after);
        body.putObject("repository")
                .put("id", target.repositoryId())
                .put("full_name", target.repo().fullName());
        body.putObject("installation").put("id", Long.parseLong(target.installationId()));
        body.putArray("commits").addObject().putArray("modified").add("skills/s0/SKILL.md");
        return Http.JSON.writeValueAsBytes(body);
    }
}
