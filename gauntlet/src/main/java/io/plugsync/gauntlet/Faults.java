package io.plugsync.gauntlet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Injects the scheduled faults and measures each one's recovery: the time from the fault being
 * lifted (replica restarted, engine back, GitHub healthy) until every replica is ready again and
 * everything that was waiting when it was lifted has gone through (outbox events delivered, syncs
 * of the webhook deliveries done). A fault starts at its scheduled time, but not before the
 * previous one has recovered (plus 5 s), waiting at most two minutes for that.
 */
final class Faults {
    /** What happened to one scheduled fault; times in run millis, -1 while unknown. */
    static final class Injected {
        final FaultSchedule.Fault fault;
        volatile String detail = "";
        volatile long startedAt = -1;
        volatile long liftedAt = -1;
        volatile long recoveredAt = -1;

        Injected(FaultSchedule.Fault fault) {
            this.fault = fault;
        }

        /** The window errors are attributed to: start until recovered (or {@code end} if it never did). */
        boolean contains(long millis, long end) {
            return startedAt >= 0 && millis >= startedAt && millis <= (recoveredAt >= 0 ? recoveredAt : end);
        }
    }

    static final long MAX_WAIT_MILLIS = 120_000;

    private final Stack stack;
    private final FakeGithub github;
    private final Timeline timeline;
    private final Random random;
    final List<Injected> injected = new CopyOnWriteArrayList<>();
    private final List<Thread> probes = new ArrayList<>();
    private volatile boolean stopProbes;

    Faults(Stack stack, FakeGithub github, Timeline timeline, List<FaultSchedule.Fault> schedule, long seed) {
        this.stack = stack;
        this.github = github;
        this.timeline = timeline;
        this.random = new Random(seed);
        schedule.forEach(f -> injected.add(new Injected(f)));
    }

    Thread start() {
        Thread thread = new Thread(this::run, "faults");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void run() {
        try {
            Injected previous = null;
            for (Injected i : injected) {
                sleepUntil(i.fault.atMillis());
                awaitRecoveryOf(previous);
                inject(i);
                // the outage lasts as scheduled even when the fault started late
                sleepUntil(i.startedAt + i.fault.downMillis());
                lift(i);
                Thread probe = new Thread(() -> awaitRecovery(i), "recovery-" + i.fault.kind());
                probe.setDaemon(true);
                probe.start();
                probes.add(probe);
                previous = i;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void inject(Injected i) {
        i.startedAt = timeline.nowMillis();
        FaultSchedule.Kind kind = i.fault.kind();
        switch (kind) {
            case KILL_CONFIG_API, KILL_INGEST, KILL_DISPATCHER -> {
                List<Stack.Replica> replicas = stack.replicas(kind.service);
                Stack.Replica victim = replicas.get(random.nextInt(replicas.size()));
                i.detail = victim.name();
                stack.kill(victim);
            }
            case POSTGRES -> stack.stopPostgres();
            case DYNAMODB -> stack.stopDynamo();
            case SQS -> stack.stopSqs();
            case GITHUB_SLOW -> github.slow(true);
            case GITHUB_5XX -> github.failing(true);
        }
        timeline.log("FAULT %s %s", kind.description, i.detail);
    }

    private void lift(Injected i) {
        FaultSchedule.Kind kind = i.fault.kind();
        switch (kind) {
            case KILL_CONFIG_API, KILL_INGEST, KILL_DISPATCHER ->
                stack.restart(stack.replicas(kind.service).stream()
                        .filter(r -> r.name().equals(i.detail))
                        .findFirst()
                        .orElseThrow());
            case POSTGRES -> stack.startPostgres();
            case DYNAMODB -> stack.startDynamo();
            case SQS -> stack.startSqs();
            case GITHUB_SLOW -> github.slow(false);
            case GITHUB_5XX -> github.failing(false);
        }
        i.liftedAt = timeline.nowMillis();
        timeline.log("LIFTED %s %s", kind.description, i.detail);
    }

    /**
     * A fault starts only once the previous one has recovered (so each recovery is measured on its
     * own), or {@link #MAX_WAIT_MILLIS} after the previous lift if it has not (the report says so).
     */
    private void awaitRecoveryOf(Injected previous) throws InterruptedException {
        if (previous == null) {
            return;
        }
        while (previous.recoveredAt < 0 && timeline.nowMillis() - previous.liftedAt < MAX_WAIT_MILLIS) {
            Thread.sleep(200);
        }
        if (previous.recoveredAt >= 0) {
            sleepUntil(previous.recoveredAt + 5_000);
        }
    }

    /** Polls until every replica is ready and the work waiting at the lift is done. */
    private void awaitRecovery(Injected i) {
        Waiting waiting = null;
        while (!stopProbes) {
            if (waiting == null) {
                waiting = waitingNow();
            }
            if (waiting != null && stack.allReady() && waiting.done()) {
                i.recoveredAt = timeline.nowMillis();
                timeline.log(
                        "RECOVERED from %s in %.1f s",
                        i.fault.kind().description, (i.recoveredAt - i.liftedAt) / 1000.0);
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The work waiting at a moment: outbox events up to a sequence number, and sync events by id. */
    private final class Waiting {
        final long maxSeq;
        final Object[] syncs;

        Waiting(long maxSeq, Object[] syncs) {
            this.maxSeq = maxSeq;
            this.syncs = syncs;
        }

        /** None of it is still waiting (delivered or dead; synced or finished otherwise). */
        boolean done() {
            try (Connection db = stack.jdbc();
                    PreparedStatement q = db.prepareStatement("SELECT"
                            + " (SELECT count(*) FROM outbox_event WHERE seq <= ? AND delivered_at IS NULL"
                            + " AND dead_at IS NULL),"
                            + " (SELECT count(*) FROM connector_sync_event WHERE id = ANY(?)"
                            + " AND status IN ('queued', 'running'))")) {
                q.setLong(1, maxSeq);
                q.setArray(2, db.createArrayOf("uuid", syncs));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0 && rs.getLong(2) == 0;
                }
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** What is waiting right now, or null while PostgreSQL does not answer. */
    private Waiting waitingNow() {
        try (Connection db = stack.jdbc();
                Statement st = db.createStatement()) {
            long maxSeq;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM outbox_event")) {
                rs.next();
                maxSeq = rs.getLong(1);
            }
            List<Object> syncs = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery("SELECT id FROM connector_sync_event WHERE status IN ('queued', 'running')")) {
                while (rs.next()) {
                    syncs.add(rs.getObject(1));
                }
            }
            return new Waiting(maxSeq, syncs.toArray());
        } catch (Exception e) {
            return null;
        }
    }

    /** Waits up to {@code millis} for the recovery probes, then stops those still waiting. */
    void awaitProbes(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Thread probe : probes) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                probe.join(left);
            }
        }
        stopProbes = true;
    }

    /** Run time when the last fault was lifted, or -1 while one is still to come or active. */
    long lastLiftMillis() {
        Injected last = injected.get(injected.size() - 1);
        return last.liftedAt;
    }

    private void sleepUntil(long runMillis) throws InterruptedException {
        long wait = runMillis - timeline.nowMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
