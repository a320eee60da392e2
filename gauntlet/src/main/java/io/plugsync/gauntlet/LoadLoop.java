package io.plugsync.gauntlet;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One load generator thread: calls {@link #step()} at a steady rate (a bounded load: a slow answer
 * delays the next step instead of piling requests up) until stopped. A step that throws is logged
 * and the loop goes on.
 */
abstract class LoadLoop implements Runnable {
    private final String name;
    private final long periodNanos;
    private final AtomicBoolean running;
    protected final Random random;

    LoadLoop(String name, double perSecond, AtomicBoolean running, long seed) {
        this.name = name;
        this.periodNanos = (long) (1_000_000_000L / perSecond);
        this.running = running;
        this.random = new Random(seed);
    }

    abstract void step() throws Exception;

    Thread start() {
        Thread thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (running.get()) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                System.err.println(name + ": " + e);
            }
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean running() {
        return running.get();
    }
}
