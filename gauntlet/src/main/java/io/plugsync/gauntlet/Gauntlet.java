package io.plugsync.gauntlet;

import io.plugsync.common.replica.ReplicaLayout;
import io.plugsync.engines.DevKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code bench/gauntlet.sh [minutes] [--smoke]}: the whole system with two replicas of each service
 * under a steady load for the given minutes while faults are injected on a printed schedule, then
 * verified against PostgreSQL and the replica, ending with one table. Exit status 0 when nothing
 * was lost, regressed, double-won or forged and no 5xx came outside a fault window.
 *
 * <p>Rates (per second) can be changed with system properties: {@code gauntlet.publish-rounds}
 * (compare-and-set rounds, default 3), {@code gauntlet.draft-writes} (6), {@code gauntlet.pushes}
 * (0.7), {@code gauntlet.library-writes} (1), {@code gauntlet.replica-reads} (10 per reader, 2
 * readers); {@code gauntlet.connectors} (50), {@code gauntlet.repos} (4), {@code gauntlet.drain-bound}
 * (seconds the outbox may take to drain after the load stops, 240).
 */
public final class Gauntlet {
    private Gauntlet() {}

    public static void main(String[] args) throws Exception {
        double minutes = 10;
        boolean smoke = false;
        long seed = System.nanoTime();
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                default -> minutes = Double.parseDouble(args[i]);
            }
        }
        Path work = root.resolve("gauntlet/target/run");
        deleteRecursively(work);
        Files.createDirectories(work.resolve("logs"));

        Stack stack = new Stack(root, work);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "gauntlet-shutdown"));
        boolean passed;
        try {
            passed = run(stack, work, minutes, smoke, seed);
        } catch (Exception e) {
            System.err.println("gauntlet failed: " + e);
            e.printStackTrace();
            passed = false;
        } finally {
            stack.close();
        }
        System.out.println("logs: " + work.resolve("logs"));
        System.exit(passed ? 0 : 1);
    }

    private static boolean run(Stack stack, Path work, double minutes, boolean smoke, long seed) throws Exception {
        Timeline boot = new Timeline();
        List<FaultSchedule.Fault> schedule = FaultSchedule.plan(minutes, smoke);
        String title = String.format("PlugSync gauntlet: %.1f min%s, seed %d", minutes, smoke ? " (smoke)" : "", seed);
        System.out.println(title);
        System.out.print(FaultSchedule.describe(schedule));
        Machine machine = new Machine(() -> postmasterPid(work));
        machine.start();

        stack.startEngines();
        boot.log("engines up (PostgreSQL, DynamoDB with a data directory, ElasticMQ)");
        FakeGithub github = new FakeGithub();
        DevKeys keys = DevKeys.generate();
        Path publicKey = work.resolve("jwt-public.pem");
        Files.writeString(publicKey, keys.publicKeyPem());
        String webhookSecret = random(24);
        Map<String, String> config = new java.util.LinkedHashMap<>(stack.baseServiceConfig(publicKey));
        config.putAll(github.serviceConfig());
        config.put("plugsync.github.webhook-secret", webhookSecret);
        config.put("plugsync.encryption.active-key-id", "gauntlet-1");
        config.put("plugsync.encryption.keys.\"gauntlet-1\"", random(32));
        stack.startServices(config, 2, boot);
        World world = new Setup(stack, boot)
                .run(
                        keys,
                        webhookSecret,
                        Integer.getInteger("gauntlet.connectors", 50),
                        Integer.getInteger("gauntlet.repos", 4));

        Timeline clock = new Timeline();
        Stats stats = new Stats(clock);
        Ledger ledger = new Ledger();
        Http http = new Http(stats, java.time.Duration.ofSeconds(10));
        ReplicaWatch watch =
                new ReplicaWatch(stack.dynamoEndpoint(), ReplicaLayout.DEFAULT_TABLE, world.connectors(), stats);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        double rounds = rate("gauntlet.publish-rounds", 3);
        PublishLoad publishersA =
                new PublishLoad("publishers-a", world, http, ledger, watch, rounds / 2, running, seed);
        PublishLoad publishersB =
                new PublishLoad("publishers-b", world, http, ledger, watch, rounds / 2, running, seed + 1);
        load.add(publishersA.start());
        load.add(publishersB.start());
        load.add(new DraftLoad(world, http, rate("gauntlet.draft-writes", 6), running, seed + 2).start());
        load.add(new WebhookLoad(world, http, ledger, github, clock, rate("gauntlet.pushes", 0.7), running, seed + 3)
                .start());
        load.add(new LibraryLoad(world, http, ledger, rate("gauntlet.library-writes", 1), running, seed + 4).start());
        load.addAll(watch.start(running, 2, rate("gauntlet.replica-reads", 10), seed + 5));
        clock.log("load started");

        AtomicBoolean supervising = new AtomicBoolean(true);
        stack.supervise(supervising, clock);
        Faults faults = new Faults(stack, github, clock, schedule, seed + 6);
        Thread injector = faults.start();
        Thread.sleep((long) (minutes * 60_000));
        while (faults.lastLiftMillis() < 0 || clock.nowMillis() < faults.lastLiftMillis() + 60_000) {
            Thread.sleep(500);
        }
        running.set(false);
        for (Thread t : load) {
            t.join(15_000);
        }
        publishersA.shutdown();
        publishersB.shutdown();
        long loadEnd = clock.nowMillis();
        clock.log("load stopped; waiting for the last fault, then verifying");
        injector.join();
        long bound = Long.getLong("gauntlet.drain-bound", 240) * 1000;
        Verifier.Result verification = new Verifier(stack, watch.store(), ledger, world, clock).verify(bound);
        faults.awaitProbes(30_000);
        long end = clock.nowMillis();
        supervising.set(false);
        machine.stop();
        StringBuilder crashes = new StringBuilder();
        stack.allReplicas().forEach(r -> {
            if (r.crashes.get() > 0) {
                crashes.append(r.name()).append(' ').append(r.crashes.get()).append("x ");
            }
        });
        Report.Inputs inputs = new Report.Inputs(
                title,
                stats,
                faults.injected,
                watch,
                ledger,
                verification,
                loadEnd,
                end,
                machine,
                crashes.length() == 0 ? "0" : crashes.toString().trim());
        System.out.println(Report.render(inputs));
        watch.close();
        boolean passed = Report.passed(inputs);
        System.out.println(passed ? "GAUNTLET PASSED" : "GAUNTLET FAILED (see findings)");
        return passed;
    }

    private static double rate(String property, double fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback : Double.parseDouble(value);
    }

    private static Long postmasterPid(Path work) {
        try {
            return Long.parseLong(
                    Files.readAllLines(work.resolve("pg/postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
