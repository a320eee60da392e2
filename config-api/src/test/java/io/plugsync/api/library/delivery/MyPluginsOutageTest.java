package io.plugsync.api.library.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.plugsync.common.delivery.ResolvedPlugin;
import io.plugsync.common.library.PayloadCipher;
import io.plugsync.engines.EmbeddedEngines;
import io.plugsync.engines.PlugSyncTestEngines;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * DynamoDB goes away (the real emulator process is stopped): the delivery endpoints answer 503 with
 * Retry-After, never 500 and never a PostgreSQL fallback; config-api stays ready; after DynamoDB is
 * back (empty, in memory) they work again.
 */
@QuarkusTest
@WithTestResource(PlugSyncTestEngines.class)
class MyPluginsOutageTest {
    @Inject
    DynamoDbAsyncClient dynamo;

    @Inject
    PayloadCipher cipher;

    @Test
    void dynamoDbUnreachableIs503WithRetryAfterAndConfigApiStaysReady() {
        Replica replica = new Replica(dynamo, cipher).ensureTable();
        Reader reader = Reader.create();
        ResolvedPlugin plugin = Replica.plugin(reader.org(), "Outage", "active", List.of(Replica.skill("o", "x")));
        replica.deliver(plugin);
        replica.entitleOrg(reader.org(), List.of(plugin.pluginId()));
        reader.list().statusCode(200);

        EmbeddedEngines engines = PlugSyncTestEngines.engines();
        engines.stopDynamo();
        try {
            reader.list()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", is("https://plugsync.io/problems/library-replica-unavailable"));
            reader.get(plugin.pluginId())
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            engines.startDynamo();
        }

        // the restarted emulator is empty: no table yet is still a 503, not an empty list
        reader.list().statusCode(503).body("detail", org.hamcrest.Matchers.containsString("does not exist yet"));
        given().get("/q/health/ready").then().statusCode(200);
        new Replica(dynamo, cipher).ensureTable();
        reader.list().statusCode(200);
    }
}
