package io.plugsync.gauntlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How busy the machine was while the gauntlet ran (figures on a shared machine mean little without
 * this): the 1-minute load average, and CPU time of the whole machine against the CPU time of this
 * run's own processes (this JVM and its children, the PostgreSQL server and its backends), from
 * {@code /proc}. Linux only; elsewhere it says so.
 */
final class Machine {
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final Supplier<Long> postmasterPid;
    private final List<Double> loads = new ArrayList<>();
    private final Map<Long, Long> seen = new HashMap<>();
    private long[] firstTotals;
    private long firstOwn;
    private long[] lastTotals;
    private long lastOwn;
    private volatile boolean running = true;

    Machine(Supplier<Long> postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    void start() {
        Thread t = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(5000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "machine");
        t.setDaemon(true);
        t.start();
    }

    synchronized void sample() {
        try {
            loads.add(Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
            long[] totals = cpuTotals();
            long own = ownJiffies();
            if (firstTotals == null) {
                firstTotals = totals;
                firstOwn = own;
            }
            lastTotals = totals;
            lastOwn = own;
        } catch (IOException | RuntimeException e) {
            // not Linux, or a process vanished between listing and reading: skip this sample
        }
    }

    void stop() {
        running = false;
        sample();
    }

    synchronized String describe() {
        if (loads.isEmpty() || firstTotals == null || lastTotals == firstTotals) {
            return "machine: " + cores + " cores (no /proc samples)";
        }
        double min = loads.stream().mapToDouble(d -> d).min().orElse(0);
        double max = loads.stream().mapToDouble(d -> d).max().orElse(0);
        double mean = loads.stream().mapToDouble(d -> d).average().orElse(0);
        long total = lastTotals[0] - firstTotals[0];
        long busy = total - (lastTotals[1] - firstTotals[1]);
        long own = lastOwn - firstOwn;
        return String.format(
                "machine: %d cores; load average (1 min) min %.1f / mean %.1f / max %.1f;"
                        + " CPU busy %.0f%% of all cores, of which this run's processes %.0f%% and other processes %.0f%%",
                cores,
                min,
                mean,
                max,
                100.0 * busy / total,
                100.0 * own / total,
                100.0 * Math.max(0, busy - own) / total);
    }

    /** {total, idle+iowait} jiffies of all cores. */
    private static long[] cpuTotals() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /**
     * utime + stime of this JVM, its descendants and the PostgreSQL server tree, each process at the
     * last value seen (so a killed replica or a restarted server still counts what it used).
     */
    private long ownJiffies() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle self = ProcessHandle.current();
        pids.add(self.pid());
        self.descendants().forEach(p -> pids.add(p.pid()));
        Long postmaster = postmasterPid.get();
        if (postmaster != null) {
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        }
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of stat (utime, stime), counted from after the command name
                seen.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (IOException | RuntimeException e) {
                // exited meanwhile
            }
        }
        return seen.values().stream().mapToLong(Long::longValue).sum();
    }
}
