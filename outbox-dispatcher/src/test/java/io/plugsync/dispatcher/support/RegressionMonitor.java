package io.plugsync.dispatcher.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples versions from the replica continuously (connector pointers, plugin heads) and records
 * every step backwards, or a version seen once that disappears. A failed sample (the engine busy) is
 * skipped: a regression is what is looked for here, not availability.
 */
public final class RegressionMonitor {
    public final List<String> regressions = new CopyOnWriteArrayList<>();
    public final AtomicInteger samples = new AtomicInteger();
    private final Callable<Map<UUID, Long>> sample;
    private final long pauseMillis;
    private final Map<UUID, Long> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** @param sample the current version of each watched id (absent when the replica has none) */
    public RegressionMonitor(String name, Callable<Map<UUID, Long>> sample, long pauseMillis) {
        this.sample = sample;
        this.pauseMillis = pauseMillis;
        this.thread = new Thread(this::run, name);
    }

    public void start() {
        thread.start();
    }

    public void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    private void run() {
        while (running.get()) {
            try {
                Map<UUID, Long> now = sample.call();
                seen.forEach((id, before) -> {
                    Long after = now.get(id);
                    if (after == null || after < before) {
                        regressions.add(id + ": " + before + " -> " + after);
                    }
                });
                seen.putAll(now);
                samples.incrementAndGet();
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // busy engine, or a read racing a superseded chunk's deletion: sample again
            }
        }
    }
}
