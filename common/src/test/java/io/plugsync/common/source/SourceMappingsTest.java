package io.plugsync.common.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.plugsync.common.sql.Keyset;
import io.plugsync.common.support.FreshDatabase;
import io.plugsync.engines.OrgFixtures;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mapping rows both services rely on: the creator, edits, and retirement hiding a mapping from the sync. */
class SourceMappingsTest {
    static final Keyset ALL = new Keyset(null, null, 100);
    static FreshDatabase database;
    static UUID org;
    static UUID member;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        database = FreshDatabase.create("mappings");
        try (Connection db = database.connect()) {
            org = OrgFixtures.newOrganisation(db, "mappings");
            member = OrgFixtures.ensureMember(db, org, "creator", "editor");
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aRetiredMappingKeepsItsRowButLeavesTheSyncsRules() {
        SourceTarget target = newTarget();
        SourceMapping first = create(target, "/skills/**");
        SourceMapping second = create(target, "/agents/*.md");
        assertThat(first.createdByOrgMembershipId()).isEqualTo(member);
        assertThat(first.status()).isEqualTo(SourceStatus.Mapping.ACTIVE.wire());
        Boolean synced = run(db -> SourceMappings.hasSynced(db, first.id()));
        assertThat(synced).isFalse();

        SourceMapping retired = run(db -> SourceMappings.retire(db, first.id()));
        assertThat(retired.retired()).isTrue();
        assertThat(retired.retiredAt()).isNotNull();
        List<SourceMappings.SyncRule> rules = run(db -> SourceMappings.syncRulesOf(db, target.id()));
        assertThat(rules)
                .as("the sync sees both, in creation order, the retired one marked")
                .extracting(r -> r.mapping().id(), r -> r.mapping().retired(), SourceMappings.SyncRule::attributedTo)
                .containsExactly(tuple(first.id(), true, member), tuple(second.id(), false, member));
        List<SourceMapping> active = run(db ->
                SourceMappings.list(db, target.connectorInstanceId(), target.id(), SourceStatus.Mapping.ACTIVE, ALL));
        assertThat(active).extracting(SourceMapping::id).containsExactly(second.id());
        List<SourceMapping> gone = run(
                db -> SourceMappings.list(db, target.connectorInstanceId(), null, SourceStatus.Mapping.RETIRED, ALL));
        assertThat(gone).extracting(SourceMapping::id).containsExactly(first.id());

        Optional<SourceMapping> edited = run(db -> SourceMappings.update(db, first.id(), fields("/x/**")));
        assertThat(edited).as("a retired mapping is not edited").isEmpty();
        SourceMapping again = run(db -> SourceMappings.retire(db, first.id()));
        assertThat(again.retiredAt()).isEqualTo(retired.retiredAt());
    }

    @Test
    void updateSetsEveryFieldAndKeepsTheCreator() {
        SourceTarget target = newTarget();
        SourceMapping mapping = create(target, "/skills/**");
        SourceMapping updated = run(db -> SourceMappings.update(
                        db,
                        mapping.id(),
                        new SourceMappings.Fields(
                                "/commands/*.md", "command", null, false, new JsonObject().put("k", "v"))))
                .orElseThrow();
        assertThat(updated.selector()).isEqualTo("/commands/*.md");
        assertThat(updated.objectType()).isEqualTo("command");
        assertThat(updated.mappingConfig().getString("k")).isEqualTo("v");
        assertThat(updated.createdByOrgMembershipId()).isEqualTo(member);
        Optional<SourceMapping> inOrg = run(db -> SourceMappings.findInOrganization(db, org, mapping.id()));
        assertThat(inOrg).isPresent();
        Optional<SourceMapping> elsewhere =
                run(db -> SourceMappings.findInOrganization(db, UUID.randomUUID(), mapping.id()));
        assertThat(elsewhere).isEmpty();
    }

    private static SourceMapping create(SourceTarget target, String selector) {
        return run(db -> SourceMappings.create(db, target, null, fields(selector), member));
    }

    private static SourceMappings.Fields fields(String selector) {
        return new SourceMappings.Fields(selector, "skill", null, false, new JsonObject());
    }

    private static SourceTarget newTarget() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        SourceAccount account =
                run(db -> SourceAccounts.create(db, org, SourceKinds.GITHUB, suffix, "acme", "GitHub " + suffix, null));
        UUID instance = run(db -> SourceInstances.create(db, org, account.id(), null, suffix, new JsonObject(), null))
                .orElseThrow();
        return run(db -> SourceTargets.create(
                db, instance, SourceKinds.GITHUB, "acme/" + suffix, null, "main", new JsonObject()));
    }

    private static <T> T run(Function<SqlClient, Uni<T>> work) {
        return work.apply(database.pool()).await().atMost(Duration.ofSeconds(30));
    }
}
