package io.plugsync.api.publish;

import static io.plugsync.api.draft.V3Api.count;
import static io.plugsync.api.draft.V3Api.newConnector;
import static io.plugsync.api.draft.V3Api.patch;
import static io.plugsync.api.draft.V3Api.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import io.plugsync.api.draft.V3Api;
import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A failure after the version insert (here: a trigger that rejects the outbox row of one connector,
 * i.e. the last write of the transaction) leaves no version, manifest or outbox row, and the draft
 * as it was. No production code knows about the failure.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class PublishAtomicityTest {

    @Test
    void failureAfterVersionInsertLeavesNoTrace() {
        TestOrg org = TestOrg.create();
        String id = newConnector(org);
        UUID uuid = UUID.fromString(id);
        patch(org.editorToken(), id, V3Api.CONTACT).then().statusCode(200);
        String suffix = id.replace("-", "");
        V3Api.execute("CREATE FUNCTION fail_outbox_" + suffix + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.aggregate_id = '" + id + "' THEN RAISE EXCEPTION 'injected failure'; END IF;"
                + " RETURN NEW; END; $$");
        V3Api.execute("CREATE TRIGGER fail_outbox_" + suffix + " BEFORE INSERT ON outbox_event"
                + " FOR EACH ROW EXECUTE FUNCTION fail_outbox_" + suffix + "()");
        try {
            publish(org.editorToken(), id, 0)
                    .then()
                    .statusCode(greaterThanOrEqualTo(500))
                    .contentType("application/problem+json");
            assertThat(count("SELECT count(*) FROM connector_config_versions WHERE connector_id = ?", uuid))
                    .isZero();
            assertThat(count("SELECT count(*) FROM event_flow_manifests WHERE connector_id = ?", uuid))
                    .isZero();
            assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id))
                    .isZero();
            assertThat(count("SELECT base_version FROM connector_config_drafts WHERE connector_id = ?", uuid))
                    .isZero();
            assertThat(count(
                            "SELECT count(*) FROM connector_config_draft_changes WHERE connector_id = ? AND action = 'publish'",
                            uuid))
                    .isZero();
        } finally {
            V3Api.execute("DROP TRIGGER fail_outbox_" + suffix + " ON outbox_event");
            V3Api.execute("DROP FUNCTION fail_outbox_" + suffix + "()");
        }
        publish(org.editorToken(), id, 0).then().statusCode(201).body("version", is(1));
        assertThat(count("SELECT count(*) FROM event_flow_manifests WHERE connector_id = ?", uuid))
                .isEqualTo(1);
    }
}
