package io.plugsync.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds spent by this JVM, its reaped child processes (pgbench) and the PostgreSQL server
 * (postmaster, its reaped backends and its live backends), read from /proc (Linux only). On a
 * shared, noisy machine "CPU milliseconds per operation" is steadier than operations per second.
 * For benchmarks (config-api's publish bench, connector-ingest's sync bench).
 */
public final class CpuMeter {
    private static final double TICKS = 100.0; // USER_HZ on Linux

    /** A reading: this JVM, its reaped children, PostgreSQL; in seconds. */
    public record Reading(double jvm, double children, double postgres) {
        public Reading minus(Reading before) {
            return new Reading(jvm - before.jvm, children - before.children, postgres - before.postgres);
        }
    }

    private final long postmaster;

    public CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    /** A meter of this JVM and the PostgreSQL server {@code db} is connected to (on this machine). */
    public static CpuMeter ofServer(java.sql.Connection db) throws java.sql.SQLException, IOException {
        try (var rs = db.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return new CpuMeter(parentOf(rs.getLong(1)));
        }
    }

    /** The postmaster: the parent of a live backend. */
    public static long parentOf(long backendPid) throws IOException {
        return Long.parseLong(stat(backendPid)[3]);
    }

    public Reading read() throws IOException {
        String[] self = stat(ProcessHandle.current().pid());
        String[] pm = stat(postmaster);
        double postgres = ticks(pm, 13) + ticks(pm, 14) + ticks(pm, 15) + ticks(pm, 16);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String[] s = stat(Long.parseLong(name));
                    if (Long.parseLong(s[3]) == postmaster) {
                        postgres += ticks(s, 13) + ticks(s, 14);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        return new Reading(
                (ticks(self, 13) + ticks(self, 14)) / TICKS,
                (ticks(self, 15) + ticks(self, 16)) / TICKS,
                postgres / TICKS);
    }

    private static double ticks(String[] stat, int field) {
        return Double.parseDouble(stat[field]);
    }

    /** /proc/pid/stat split into fields; field 1 (the command) may hold spaces, so split after it. */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        int close = line.lastIndexOf(')');
        String[] rest = line.substring(close + 2).trim().split(" ");
        String[] all = new String[rest.length + 2];
        all[0] = Long.toString(pid);
        all[1] = line.substring(line.indexOf('(') + 1, close);
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
