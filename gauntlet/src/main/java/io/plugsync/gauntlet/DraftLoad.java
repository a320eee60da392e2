package io.plugsync.gauntlet;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Draft edits from every kind of writer ({@code X-PlugSync-Writer}), interleaved with the publish
 * races on the same connectors: merge patches of the settings, and whole-settings replacements.
 */
final class DraftLoad extends LoadLoop {
    private final World world;
    private final Http http;
    private long n;

    DraftLoad(World world, Http http, double perSecond, AtomicBoolean running, long seed) {
        super("draft-writers", perSecond, running, seed);
        this.world = world;
        this.http = http;
    }

    @Override
    void step() {
        String writer = PublishLoad.WRITERS.get(random.nextInt(PublishLoad.WRITERS.size()));
        UUID connector =
                world.connectors().get(random.nextInt(world.connectors().size()));
        String path = "/api/connectors/" + connector + "/draft";
        n++;
        if (random.nextInt(4) == 0) {
            http.json(
                    "PUT draft/settings",
                    world.api(),
                    "PUT",
                    path + "/settings",
                    world.token(),
                    writer,
                    Map.of("sync_interval_seconds", 30 + (n % 300), "edited_by", writer),
                    Set.of(200));
        } else {
            http.json(
                    "PATCH draft",
                    world.api(),
                    "PATCH",
                    path,
                    world.token(),
                    writer,
                    Map.of("settings", Map.of("note_" + writer, n)),
                    Set.of(200));
        }
    }
}
