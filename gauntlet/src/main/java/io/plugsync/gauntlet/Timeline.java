package io.plugsync.gauntlet;

/** The run's clock: milliseconds since the load started, for schedules, windows and the log. */
final class Timeline {
    private final long startNanos = System.nanoTime();

    long nowMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static String seconds(long millis) {
        return String.format("%6.1f s", millis / 1000.0);
    }

    void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", seconds(nowMillis()), String.format(format, args));
    }
}
