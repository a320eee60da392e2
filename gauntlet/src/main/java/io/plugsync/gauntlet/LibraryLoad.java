package io.plugsync.gauntlet;

import io.plugsync.ingest.support.Skills;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes to the config library: skills created and given new versions, plugins created, skills
 * added to plugins, plugins shared organisation-wide (each of these reaches the library replica
 * through the outbox).
 */
final class LibraryLoad extends LoadLoop {
    private final World world;
    private final Http http;
    private final Ledger ledger;
    private final String base;
    private final List<UUID> objects = new ArrayList<>();
    private final List<UUID> plugins = new ArrayList<>();
    private final Set<String> members = new HashSet<>();
    private final Set<UUID> shared = new HashSet<>();
    private int n;

    LibraryLoad(World world, Http http, Ledger ledger, double perSecond, AtomicBoolean running, long seed) {
        super("library", perSecond, running, seed);
        this.world = world;
        this.http = http;
        this.ledger = ledger;
        this.base = "/v1/orgs/" + world.orgId();
    }

    @Override
    void step() {
        n++;
        int op = random.nextInt(10);
        if (objects.size() < 3 || op < 2) {
            createSkill();
        } else if (op < 6) {
            newVersion();
        } else if (plugins.size() < 2 || op == 6) {
            createPlugin();
        } else if (op < 9) {
            addMember();
        } else {
            share();
        }
    }

    private void createSkill() {
        Http.Response r = call(
                "POST config-objects",
                "POST",
                "/config-objects",
                Map.of("object_type", "skill", "content", Skills.skill("lib-" + n, "created at step " + n)),
                Set.of(201));
        if (r.status() == 201) {
            UUID id = item(r, "id");
            objects.add(id);
            ledger.library.add(new Ledger.LibraryWrite("object version", item(r, "latest_version_id")));
        }
    }

    private void newVersion() {
        UUID id = objects.get(random.nextInt(objects.size()));
        Http.Response r = call(
                "PUT config-objects/{id}",
                "PUT",
                "/config-objects/" + id,
                Map.of("content", Skills.skill("lib-v-" + n, "version at step " + n)),
                Set.of(200));
        if (r.status() == 200) {
            ledger.library.add(new Ledger.LibraryWrite("object version", item(r, "latest_version_id")));
        }
    }

    private void createPlugin() {
        Http.Response r = call("POST plugins", "POST", "/plugins", Map.of("name", "plugin-" + n), Set.of(201));
        if (r.status() == 201) {
            UUID id = item(r, "id");
            plugins.add(id);
            ledger.library.add(new Ledger.LibraryWrite("plugin", id));
        }
    }

    private void addMember() {
        UUID plugin = plugins.get(random.nextInt(plugins.size()));
        UUID object = objects.get(random.nextInt(objects.size()));
        if (!members.add(plugin + "/" + object)) {
            return;
        }
        call(
                "POST plugins/{id}/members",
                "POST",
                "/plugins/" + plugin + "/members",
                Map.of("config_object_id", object.toString()),
                Set.of(200, 201));
    }

    private void share() {
        UUID plugin = plugins.get(random.nextInt(plugins.size()));
        if (!shared.add(plugin)) {
            return;
        }
        Http.Response r = call(
                "POST plugins/{id}/grants",
                "POST",
                "/plugins/" + plugin + "/grants",
                Map.of("org_wide", true, "role", "viewer"),
                Set.of(201));
        if (r.status() == 201) {
            ledger.library.add(new Ledger.LibraryWrite("grant", item(r, "id")));
        }
    }

    private Http.Response call(String endpoint, String method, String path, Object body, Set<Integer> expected) {
        return http.json(endpoint, world.api(), method, base + path, world.token(), null, body, expected);
    }

    private static UUID item(Http.Response r, String field) {
        String value = r.json().path("item").path(field).asText(null);
        return value == null ? null : UUID.fromString(value);
    }
}
