package io.plugsync.api.library.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** ETags and If-None-Match on both endpoints; a body large enough to be chunked reads back intact. */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class MyPluginsCachingTest {
    @Inject
    DynamoDbAsyncClient dynamo;

    @Inject
    PayloadCipher cipher;

    Replica replica;

    @BeforeEach
    void table() {
        replica = new Replica(dynamo, cipher).ensureTable();
    }

    static ExtractableResponse<Response> fetch(Reader reader, String path, String ifNoneMatch) {
        var request = given().auth().oauth2(reader.token());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(path).then().extract();
    }

    @Test
    void theListAnswers304ForItsETagAndANewTagOnceAPluginVersionChanges() {
        Reader reader = Reader.create();
        ResolvedPlugin v1 = Replica.plugin(reader.org(), "Tagged", "active", List.of(Replica.skill("tagged", "one")));
        replica.deliver(v1);
        replica.entitleMember(reader.org(), reader.membershipId(), List.of(v1.pluginId()), List.of());

        ExtractableResponse<Response> first = fetch(reader, "/v1/me/plugins", null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        ExtractableResponse<Response> again = fetch(reader, "/v1/me/plugins", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body().asByteArray()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(fetch(reader, "/v1/me/plugins", "\"other\", W/" + etag).statusCode())
                .isEqualTo(304);

        ResolvedPlugin v2 = new ResolvedPlugin(
                v1.pluginId(),
                v1.organizationId(),
                v1.name(),
                v1.description(),
                v1.status(),
                List.of(Replica.skill("tagged", "two")));
        long version = replica.deliver(v2);

        ExtractableResponse<Response> changed = fetch(reader, "/v1/me/plugins", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.<Long>path("items[0].version")).isEqualTo(version);
        assertThat(changed.<String>path("items[0].checksum")).isEqualTo(v2.checksum());
    }

    @Test
    void onePluginsETagIsItsChecksumAndAnswers304() {
        Reader reader = Reader.create();
        ResolvedPlugin plugin =
                Replica.plugin(reader.org(), "Single", "active", List.of(Replica.skill("single", "body")));
        replica.deliver(plugin);
        replica.entitleOrg(reader.org(), List.of(plugin.pluginId()));
        String path = "/v1/me/plugins/" + plugin.pluginId();

        ExtractableResponse<Response> first = fetch(reader, path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"" + plugin.checksum() + "\"");
        ExtractableResponse<Response> again = fetch(reader, path, first.header("ETag"));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body().asByteArray()).isEmpty();

        ResolvedPlugin next = new ResolvedPlugin(
                plugin.pluginId(),
                plugin.organizationId(),
                plugin.name(),
                "changed",
                plugin.status(),
                plugin.members());
        replica.deliver(next);
        ExtractableResponse<Response> changed = fetch(reader, path, first.header("ETag"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"" + next.checksum() + "\"");
        assertThat(changed.<String>path("item.description")).isEqualTo("changed");
    }

    @Test
    void aPluginChunkedOverSeveralItemsReadsBackByteIdentical() {
        Reader reader = Reader.create();
        long seed = System.nanoTime();
        String big = incompressible(new Random(seed), 1_200_000);
        String small = "naïve ✓ — " + big.substring(0, 100);
        ResolvedPlugin plugin = Replica.plugin(
                reader.org(), "Big", "active", List.of(Replica.skill("big", big), Replica.skill("small", small)));
        long version = replica.deliver(plugin);
        replica.entitleMember(reader.org(), reader.membershipId(), List.of(plugin.pluginId()), List.of());
        assertThat(replica.chunks(plugin.pluginId(), version))
                .as("seed %d: the body must span several chunk items", seed)
                .isGreaterThan(1);

        ExtractableResponse<Response> response = fetch(reader, "/v1/me/plugins/" + plugin.pluginId(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> contents = response.path("item.members.content");
        assertThat(contents.get(0).getBytes(StandardCharsets.UTF_8))
                .as("seed %d", seed)
                .isEqualTo(big.getBytes(StandardCharsets.UTF_8));
        assertThat(contents.get(1)).isEqualTo(small);
        given().auth()
                .oauth2(reader.token())
                .get("/v1/me/plugins")
                .then()
                .statusCode(200)
                .body("items[0].members.size()", is(2));
    }

    /** Text gzip cannot shrink much (random letters, digits and a few multi-byte characters). */
    static String incompressible(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \néü✓";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
