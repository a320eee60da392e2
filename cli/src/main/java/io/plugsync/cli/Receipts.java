package io.plugsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Waits for the publish receipt: committed -> replicated (the dispatcher reached DynamoDB). */
final class Receipts {
    private Receipts() {}

    static JsonNode awaitReplicated(ApiClient api, String connectorId, int version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status;
        do {
            status = api.get(ApiCommand.connectorPath(connectorId) + "/versions/" + version + "/status")
                    .body();
            if (status.path("replicated").asBoolean(false)) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new CliException(
                ExitCodes.SERVER,
                "v" + version + " was committed but not replicated within " + timeout.toSeconds() + " s");
    }

    static Duration parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.USAGE, "--timeout must look like 60s, 2m or 500ms");
        }
    }
}
