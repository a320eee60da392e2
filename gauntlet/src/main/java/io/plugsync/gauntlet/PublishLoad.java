package io.plugsync.gauntlet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Compare-and-set races on the connectors: each round reads a connector's active version, then
 * several publishers publish on that same base at the same moment, either each its own whole
 * document ({@code PUT /config?publish=true&base_version=N}) or the draft a writer just patched
 * ({@code POST /publish {base_version}}). Exactly one may win; the others get 409.
 */
final class PublishLoad extends LoadLoop {
    static final List<String> WRITERS = List.of("dashboard", "agent", "mcp", "script", "api");
    /**
     * The writers that race to publish: people's. Agents ({@code agent}, {@code mcp}) edit drafts
     * here but may not publish under the default publish policy (403 agent-publish-not-allowed,
     * tested on its own), and a race they lose by policy would prove nothing about compare-and-set.
     */
    static final List<String> PUBLISHERS = List.of("dashboard", "script", "api");

    private static final Set<Integer> PUBLISH = Set.of(201, 409);
    private static final AtomicLong ROUNDS = new AtomicLong();

    private final World world;
    private final Http http;
    private final Ledger ledger;
    private final ReplicaWatch watch;
    private final ExecutorService racers;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    PublishLoad(
            String name,
            World world,
            Http http,
            Ledger ledger,
            ReplicaWatch watch,
            double roundsPerSecond,
            AtomicBoolean running,
            long seed) {
        super(name, roundsPerSecond, running, seed);
        this.world = world;
        this.http = http;
        this.ledger = ledger;
        this.watch = watch;
        this.racers = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, name + "-racer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    void step() throws Exception {
        int index = random.nextInt(world.connectors().size());
        UUID connector = world.connectors().get(index);
        if (!busy.add(connector)) {
            return;
        }
        try {
            round(index, connector);
        } finally {
            busy.remove(connector);
        }
    }

    private void round(int index, UUID connector) throws Exception {
        String path = "/api/connectors/" + connector;
        Http.Response draft =
                http.json("GET draft", world.api(), "GET", path + "/draft", world.token(), null, null, Set.of(200));
        if (!draft.ok()) {
            return;
        }
        int base = draft.json().path("active_version").asInt();
        long round = ROUNDS.incrementAndGet();
        List<Supplier<Http.Response>> calls = new ArrayList<>();
        if (random.nextBoolean()) {
            for (int racer = 1; racer <= 3; racer++) {
                int writer = racer;
                calls.add(() -> http.json(
                        "PUT config?publish",
                        world.api(),
                        "PUT",
                        path + "/config?publish=true&base_version=" + base,
                        world.token(),
                        "script",
                        Documents.document(index, round, writer),
                        PUBLISH));
            }
        } else {
            String writer = WRITERS.get(random.nextInt(WRITERS.size()));
            Http.Response patched = http.json(
                    "PATCH draft",
                    world.api(),
                    "PATCH",
                    path + "/draft",
                    world.token(),
                    writer,
                    Map.of("settings", Map.of("round", round)),
                    Set.of(200));
            if (!patched.ok()) {
                return;
            }
            for (int racer = 0; racer < 2; racer++) {
                calls.add(() -> http.json(
                        "POST publish",
                        world.api(),
                        "POST",
                        path + "/publish",
                        world.token(),
                        PUBLISHERS.get(random.nextInt(PUBLISHERS.size())),
                        Map.of("base_version", base),
                        PUBLISH));
            }
        }
        List<Http.Response> answers = race(calls);
        int winners = 0;
        int conflicts = 0;
        int unknown = 0;
        for (Http.Response answer : answers) {
            if (answer.status() == 201) {
                winners++;
                JsonNode body = answer.json();
                JsonNode published = body.has("published") ? body.path("published") : body;
                int version = published.path("version").asInt();
                ledger.acks.add(new Ledger.Ack(
                        connector,
                        version,
                        published.path("checksum").asText(),
                        watch.timeline().nowMillis()));
                watch.acknowledged(connector, version);
            } else if (answer.status() == 409) {
                conflicts++;
            } else {
                unknown++;
            }
        }
        ledger.races.add(new Ledger.Race(connector, base, answers.size(), winners, conflicts, unknown));
    }

    /** Runs the calls at the same moment (released together by a latch). */
    private List<Http.Response> race(List<Supplier<Http.Response>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (Supplier<Http.Response> call : calls) {
            futures.add(racers.submit(() -> {
                ready.countDown();
                go.await();
                return call.get();
            }));
        }
        ready.await();
        go.countDown();
        List<Http.Response> out = new ArrayList<>();
        for (Future<Http.Response> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    void shutdown() {
        racers.shutdownNow();
    }
}
