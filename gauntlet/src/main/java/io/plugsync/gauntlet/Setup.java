package io.plugsync.gauntlet;

import io.plugsync.engines.DevKeys;
import io.plugsync.engines.DevTokens;
import io.plugsync.engines.OrgFixtures;
import io.plugsync.ingest.support.FakeRepo;
import io.plugsync.ingest.support.Skills;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Provisions what the load needs through the public API (the organisation and its owner are
 * operator-provisioned, with SQL as in the local stack): connectors with a first published version,
 * and GitHub targets (account, instance, target, mapping) whose first sync has completed.
 */
final class Setup {
    static final String OWNER = "gauntlet-owner@plugsync.local";
    private static final Set<Integer> CREATED = Set.of(200, 201);

    private final Stack stack;
    private final Http http;
    private final Timeline timeline;

    Setup(Stack stack, Timeline timeline) {
        this.stack = stack;
        this.timeline = timeline;
        this.http = new Http(new Stats(timeline), Duration.ofSeconds(30));
    }

    World run(DevKeys keys, String webhookSecret, int connectors, int repos) throws Exception {
        UUID org = UUID.randomUUID();
        try (Connection db = stack.jdbc()) {
            OrgFixtures.ensureOrganisation(db, org, "gauntlet-" + org.toString().substring(0, 8), "Gauntlet");
            OrgFixtures.ensureMember(db, org, OWNER, "owner");
        }
        String token = DevTokens.mint(keys.privateKey(), OWNER, Map.of(org.toString(), "owner"), Duration.ofHours(6));
        Http.Service api = new Http.Service("config-api", stack.urls("config-api"));
        Http.Service ingest = new Http.Service("connector-ingest", stack.urls("connector-ingest"));

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < connectors; i++) {
            var created = must(http.json(
                    "setup",
                    api,
                    "POST",
                    "/api/connectors",
                    token,
                    null,
                    Map.of(
                            "organization_id",
                            org.toString(),
                            "name",
                            "gauntlet-" + i,
                            "display_name",
                            "Gauntlet " + i,
                            "kind",
                            "crm"),
                    CREATED));
            UUID id = UUID.fromString(created.json().path("id").asText());
            must(http.json(
                    "setup",
                    api,
                    "PUT",
                    "/api/connectors/" + id + "/config?publish=true&base_version=0",
                    token,
                    "script",
                    Documents.document(i, 0, 0),
                    CREATED));
            ids.add(id);
        }
        timeline.log("%d connectors created, v1 published", connectors);

        List<World.GithubTarget> targets = new ArrayList<>();
        for (int i = 0; i < repos; i++) {
            targets.add(githubTarget(api, org, token, i));
        }
        awaitFirstSyncs(targets);
        timeline.log("%d GitHub targets synced", repos);
        return new World(org, token, api, ingest, List.copyOf(ids), List.copyOf(targets), webhookSecret);
    }

    private World.GithubTarget githubTarget(Http.Service api, UUID org, String token, int i) {
        String installation = Long.toString(7_000_000L + (System.nanoTime() % 1_000_000L) * 10 + i);
        FakeRepo.stubInstallation(installation);
        FakeRepo repo = new FakeRepo("gauntlet", "skills-" + i, "main");
        long repositoryId = 900_000L + i;
        repo.stubRepository(repositoryId);
        for (int f = 0; f < 4; f++) {
            repo.put(skillPath(f), Skills.skill("skill-" + i + "-" + f, "first version"));
        }
        repo.commit();
        String base = "/v1/orgs/" + org;
        UUID account = itemId(must(http.json(
                "setup",
                api,
                "POST",
                base + "/connector-accounts",
                token,
                null,
                Map.of("connector_type", "github", "remote_id", installation, "display_name", "gauntlet-" + i),
                CREATED)));
        UUID instance = itemId(must(http.json(
                "setup",
                api,
                "POST",
                base + "/connector-instances",
                token,
                null,
                Map.of("connector_account_id", account.toString(), "name", "skills-" + i),
                CREATED)));
        UUID target = itemId(must(http.json(
                "setup",
                api,
                "POST",
                base + "/connector-instances/" + instance + "/targets",
                token,
                null,
                Map.of("remote_id", repo.fullName(), "external_target_ref", "main"),
                CREATED)));
        must(http.json(
                "setup",
                api,
                "POST",
                base + "/connector-targets/" + target + "/mappings",
                token,
                null,
                Map.of("selector", "/skills/**", "object_type", "skill"),
                CREATED));
        return new World.GithubTarget(installation, repositoryId, repo, instance, target);
    }

    static String skillPath(int file) {
        return "skills/s" + file + "/SKILL.md";
    }

    /** Until every target has as many live bindings as its repository has files. */
    private void awaitFirstSyncs(List<World.GithubTarget> targets) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            int done = 0;
            try (Connection db = stack.jdbc();
                    PreparedStatement q = db.prepareStatement("SELECT count(*) FROM connector_source_binding"
                            + " WHERE connector_target_id = ? AND status = 'active'")) {
                for (World.GithubTarget t : targets) {
                    q.setObject(1, t.targetId());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == t.repo().files().size()) {
                            done++;
                        }
                    }
                }
            }
            if (done == targets.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("first syncs not done within 3 minutes (" + done + " of "
                        + targets.size() + "); see connector-ingest logs");
            }
            Thread.sleep(500);
        }
    }

    private static Http.Response must(Http.Response response) {
        if (!response.ok()) {
            throw new IllegalStateException("setup request failed: " + response.status() + " "
                    + (response.error() != null ? response.error() : response.body()));
        }
        return response;
    }

    private static UUID itemId(Http.Response response) {
        return UUID.fromString(response.json().path("item").path("id").asText());
    }
}
