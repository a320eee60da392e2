package io.plugsync.api.library;

import static io.plugsync.api.library.Library.as;
import static io.plugsync.api.library.Library.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.plugsync.api.support.TestOrg;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each endpoint family rejects bad input with a problem+json naming the field, and writes nothing. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class BadInputTest {
    record Case(String method, String path, String body, int status, String pointer) {}

    static long rows() {
        long total = 0;
        for (String table : List.of(
                "config_object",
                "config_object_version",
                "plugin",
                "plugin_config_object",
                "plugin_access_grant",
                "config_object_access_grant",
                "plugin_release",
                "connector_account",
                "connector_instance",
                "connector_target",
                "connector_mapping",
                "connector_sync_event",
                "outbox_event")) {
            total += Library.count("SELECT count(*) FROM " + table);
        }
        return total;
    }

    @Test
    void everyFamilyAnswersAClearProblemAndWritesNothing() {
        TestOrg org = TestOrg.create();
        String object = Library.createSkill(org.ownerToken(), org.id(), "valid-skill");
        String plugin = Library.createPlugin(org.ownerToken(), org.id(), "Valid");
        String[] source = Library.source(org);
        String o = base(org.id());
        List<Case> cases = List.of(
                new Case(
                        "POST",
                        "/config-objects",
                        "{\"object_type\": \"skill\", \"content\": \"no frontmatter\"}",
                        422,
                        "/content"),
                new Case(
                        "POST",
                        "/config-objects",
                        "{\"object_type\": \"skill\", \"content\": "
                                + Library.json("---\nname: Bad Name\ndescription: d\n---\n") + "}",
                        422,
                        "/content/frontmatter/name"),
                new Case(
                        "POST",
                        "/config-objects",
                        "{\"object_type\": \"widget\", \"content\": \"x\"}",
                        422,
                        "/object_type"),
                new Case(
                        "POST",
                        "/config-objects",
                        "{\"object_type\": \"mcp\", \"content\": \"{not json\"}",
                        422,
                        "/content"),
                new Case(
                        "POST", "/config-objects", "{\"object_type\": \"skill\", \"colour\": \"red\"}", 400, "/colour"),
                new Case("POST", "/config-objects", "{\"object_type\": ", 400, ""),
                new Case("PUT", "/config-objects/" + object, "{\"content\": \"\"}", 422, "/content"),
                new Case("POST", "/config-objects/" + object + "/grants", "{\"role\": \"viewer\"}", 422, ""),
                new Case(
                        "POST",
                        "/config-objects/" + object + "/grants",
                        "{\"org_wide\": true, \"role\": \"owner\"}",
                        422,
                        "/role"),
                new Case(
                        "POST",
                        "/config-objects/" + object + "/grants",
                        "{\"org_membership_id\": \"" + UUID.randomUUID() + "\", \"role\": \"viewer\"}",
                        422,
                        "/org_membership_id"),
                new Case("GET", "/config-objects?object_type=widget", null, 400, "query:object_type"),
                new Case("GET", "/config-objects?plugin_id=not-a-uuid", null, 400, "query:plugin_id"),
                new Case("GET", "/config-objects?include_archived=yes", null, 400, "query:include_archived"),
                new Case(
                        "POST",
                        "/config-objects",
                        "{\"object_type\": \"skill\", \"content\": " + Library.json(Library.SKILL)
                                + ", \"plugin_ids\": [\"" + UUID.randomUUID() + "\"]}",
                        422,
                        "/plugin_ids/0"),
                new Case(
                        "POST",
                        "/config-objects",
                        "{\"object_type\": \"skill\", \"content\": " + Library.json(Library.SKILL)
                                + ", \"plugin_ids\": \"" + plugin + "\"}",
                        400,
                        "/plugin_ids"),
                new Case(
                        "POST",
                        "/config-objects",
                        "{\"object_type\": \"skill\", \"content\": " + Library.json(Library.SKILL)
                                + ", \"plugin_ids\": [null]}",
                        422,
                        "/plugin_ids/0"),
                new Case("POST", "/config-objects/" + object + "/plugins", "{}", 422, "/plugin_id"),
                new Case(
                        "POST",
                        "/config-objects/" + object + "/plugins",
                        "{\"plugin_id\": \"" + UUID.randomUUID() + "\"}",
                        422,
                        "/plugin_id"),
                new Case("POST", "/config-objects/" + object + "/plugins", "{\"plugin_id\": 7}", 400, "/plugin_id"),
                new Case(
                        "POST",
                        "/config-objects/" + object + "/plugins",
                        "{\"plugin_id\": \"" + plugin + "\", \"role\": \"editor\"}",
                        400,
                        "/role"),
                new Case("POST", "/config-objects/" + object + "/plugins", null, 400, null),
                new Case("GET", "/config-objects/" + object + "/versions/compare", null, 400, "query:from"),
                new Case(
                        "GET",
                        "/config-objects/" + object + "/versions/compare?from=x&to=" + UUID.randomUUID(),
                        null,
                        400,
                        "query:from"),
                new Case("GET", "/config-objects?limit=0", null, 400, "limit"),
                new Case("GET", "/config-objects?cursor=garbage", null, 400, null),
                new Case("POST", "/plugins", "{\"name\": \"\"}", 422, "/name"),
                new Case("PATCH", "/plugins/" + plugin, "{\"status\": \"deleted\"}", 422, "/status"),
                new Case(
                        "POST",
                        "/plugins/" + plugin + "/members",
                        "{\"config_object_id\": \"" + UUID.randomUUID() + "\"}",
                        422,
                        "/config_object_id"),
                new Case("POST", "/plugins/" + plugin + "/members", "{}", 422, "/config_object_id"),
                new Case("POST", "/plugins/" + plugin + "/releases", "{\"notes\": \"\"}", 422, "/notes"),
                new Case(
                        "POST",
                        "/connector-accounts",
                        "{\"connector_type\": \"gitlab\", \"remote_id\": \"1\"," + " \"display_name\": \"x\"}",
                        422,
                        "/connector_type"),
                new Case(
                        "POST",
                        "/connector-instances",
                        "{\"connector_account_id\": \"" + UUID.randomUUID() + "\", \"name\": \"x\"}",
                        422,
                        "/connector_account_id"),
                new Case("POST", "/connector-instances", "{\"name\": \"x\"}", 422, "/connector_account_id"),
                new Case(
                        "POST",
                        "/connector-instances/" + source[1] + "/targets",
                        "{\"remote_id\": \"not a repo\", \"external_target_ref\": \"main\"}",
                        422,
                        "/remote_id"),
                new Case(
                        "POST",
                        "/connector-instances/" + source[1] + "/targets",
                        "{\"remote_id\": \"a/b\", \"external_target_ref\": \"bad..ref\"}",
                        422,
                        "/external_target_ref"),
                new Case(
                        "POST",
                        "/connector-instances/" + source[1] + "/mappings",
                        "{\"connector_target_id\": \"" + source[2]
                                + "\", \"selector\": \"/a/**\", \"object_type\": \"x\"}",
                        422,
                        "/object_type"),
                new Case("GET", "/connector-sync-events?status=exploded", null, 400, "query:status"));
        long before = rows();
        for (Case c : cases) {
            var request = as(org.ownerToken());
            if (c.body() != null) {
                request = request.body(c.body());
            }
            var response = request.request(c.method(), o + c.path());
            var then = response.then().statusCode(c.status()).contentType(startsWith("application/problem+json"));
            if (c.pointer() != null) {
                assertThat(response.jsonPath().getString("errors[0].pointer"))
                        .as(c.method() + " " + c.path() + " " + c.body())
                        .isEqualTo(c.pointer());
            }
        }
        assertThat(rows()).isEqualTo(before);
    }
}
