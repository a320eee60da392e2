package io.plugsync.gauntlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The one table the run ends with, and the findings behind each non-zero figure. */
final class Report {
    record Inputs(
            String title,
            Stats stats,
            List<Faults.Injected> faults,
            ReplicaWatch watch,
            Ledger ledger,
            Verifier.Result verification,
            long loadEndMillis,
            long endMillis,
            Machine machine,
            String crashes) {}

    private Report() {}

    static String render(Inputs in) {
        StringBuilder out = new StringBuilder();
        out.append("\n================ ").append(in.title()).append(" ================\n");
        out.append(in.machine().describe()).append('\n');
        requests(in, out);
        faults(in, out);
        summary(in, out);
        findings(in, out);
        return out.toString();
    }

    private static void requests(Inputs in, StringBuilder out) {
        out.append(
                "\nrequests by endpoint and status class (rerouted: connection refused, sent to the other replica)\n");
        out.append(String.format(
                "| %-32s | %7s | %7s | %12s | %9s | %5s | %10s | %8s |%n",
                "endpoint", "total", "2xx", "4xx expected", "4xx other", "5xx", "io/timeout", "rerouted"));
        out.append("|")
                .append("-".repeat(34))
                .append("|---------:|---------:|-------------:|----------:|------:|")
                .append("-----------:|---------:|\n");
        for (Map.Entry<String, long[]> e : in.stats().counts().entrySet()) {
            long[] c = e.getValue();
            long total = 0;
            for (long n : c) {
                total += n;
            }
            out.append(String.format(
                    "| %-32s | %7d | %7d | %12d | %9d | %5d | %10d | %8d |%n",
                    e.getKey(),
                    total,
                    c[Stats.Outcome.OK.ordinal()],
                    c[Stats.Outcome.EXPECTED_4XX.ordinal()],
                    c[Stats.Outcome.OTHER_4XX.ordinal()],
                    c[Stats.Outcome.SERVER_ERROR.ordinal()],
                    c[Stats.Outcome.IO.ordinal()],
                    in.stats().reroutedCount(e.getKey())));
        }
    }

    private static void faults(Inputs in, StringBuilder out) {
        out.append("\nfaults (recovered = every replica ready and all work waiting at the lift done)\n");
        out.append(String.format(
                "| %-44s | %-20s | %8s | %8s | %8s | %17s | %-28s |%n",
                "fault", "which", "planned", "start", "lifted", "time to recover", "client-visible errors"));
        out.append("|")
                .append("-".repeat(46))
                .append("|")
                .append("-".repeat(22))
                .append("|---------:|---------:|---------:|")
                .append("------------------:|")
                .append("-".repeat(30))
                .append("|\n");
        for (Faults.Injected f : in.faults()) {
            out.append(String.format(
                    "| %-44s | %-20s | %8s | %8s | %8s | %17s | %-28s |%n",
                    f.fault.kind().description,
                    f.detail,
                    Timeline.seconds(f.fault.atMillis()),
                    f.startedAt < 0 ? "-" : Timeline.seconds(f.startedAt),
                    f.liftedAt < 0 ? "-" : Timeline.seconds(f.liftedAt),
                    f.recoveredAt >= 0
                            ? String.format("%.1f s", (f.recoveredAt - f.liftedAt) / 1000.0)
                            : f.liftedAt < 0 ? "not injected" : "NOT RECOVERED",
                    errorsIn(in, f)));
        }
    }

    /** Client-visible errors inside a fault's window, by kind. */
    private static String errorsIn(Inputs in, Faults.Injected f) {
        long s5 = 0;
        long io = 0;
        long other = 0;
        for (Stats.Error e : in.stats().errors()) {
            if (f.contains(e.atMillis(), in.endMillis())) {
                switch (e.outcome()) {
                    case SERVER_ERROR -> s5++;
                    case IO -> io++;
                    default -> other++;
                }
            }
        }
        return String.format("%d (5xx %d, io %d, other %d)", s5 + io + other, s5, io, other);
    }

    private static void summary(Inputs in, StringBuilder out) {
        Verifier.Result v = in.verification();
        List<Stats.Error> outside = outsideWindows(in);
        long fiveOutside = outside.stream()
                .filter(e -> e.outcome() == Stats.Outcome.SERVER_ERROR)
                .count();
        long lagMax = 0;
        long lagOutside = 0;
        List<Long> lags = new ArrayList<>();
        for (ReplicaWatch.Lag lag : in.watch().lags) {
            lags.add(lag.lagMillis());
            lagMax = Math.max(lagMax, lag.lagMillis());
            if (!inAnyWindow(in, lag.ackMillis()) && !inAnyWindow(in, lag.ackMillis() + lag.lagMillis())) {
                lagOutside = Math.max(lagOutside, lag.lagMillis());
            }
        }
        lags.sort(Long::compare);
        out.append("\nsummary\n");
        row(out, "5xx outside fault windows (target 0)", Long.toString(fiveOutside));
        row(out, "other client-visible errors outside fault windows", Long.toString(outside.size() - fiveOutside));
        row(
                out,
                "max replica lag (publish 201 -> pointer seen)",
                String.format(
                        "%.1f s overall; %.2f s outside fault windows; p50 %.2f s, p99 %.2f s (%d publishes)",
                        lagMax / 1000.0,
                        lagOutside / 1000.0,
                        pct(lags, 0.50) / 1000.0,
                        pct(lags, 0.99) / 1000.0,
                        lags.size()));
        row(out, "events lost (target 0)", Long.toString(v.eventsLost()));
        row(
                out,
                "regressions (target 0)",
                in.watch().regressions.size() + " (" + in.watch().samples() + " pointer sweeps)");
        row(
                out,
                "replica integrity failures",
                Integer.toString(in.watch().integrityFailures.size()));
        row(out, "replicas that exited by themselves (restarted)", in.crashes());
        row(
                out,
                "acknowledged publishes",
                v.acks + " (missing/mismatched in PostgreSQL " + v.lostPublishes.size() + ", in the replica "
                        + v.replicaMismatches.size() + ")");
        row(out, "replica pointer != active version", v.pointerMismatches.size() + " connectors");
        row(
                out,
                "compare-and-set races",
                v.races + " (one winner " + v.racesOneWinner + ", none " + v.racesNoWinner + ", more than one "
                        + v.doubleWinners.size() + ")");
        row(
                out,
                "webhook deliveries accepted",
                v.accepted + " (not processed exactly once " + v.unprocessed.size() + ", duplicate versions "
                        + v.duplicateVersions.size() + ", targets out of step " + v.targetsOutOfStep.size() + ")");
        row(
                out,
                "replayed deliveries",
                in.ledger().replays.get() + " (answered duplicate "
                        + in.ledger().replaysAnsweredDuplicate.get() + ")");
        row(
                out,
                "forged deliveries",
                v.forged + " (rejected 401 " + in.ledger().forgedRejected.get() + ", changed something "
                        + v.forgedEffects.size() + ")");
        row(out, "library writes acknowledged", v.libraryWrites + " (missing " + v.lostLibraryWrites.size() + ")");
        row(
                out,
                "outbox after the last fault",
                (v.drainMillis >= 0
                                ? String.format("drained %.1f s after the load stopped", v.drainMillis / 1000.0)
                                : "NOT DRAINED")
                        + "; undelivered " + v.undelivered + ", dead " + v.dead + ", syncs waiting "
                        + v.syncsWaiting);
    }

    private static void findings(Inputs in, StringBuilder out) {
        Verifier.Result v = in.verification();
        List<String> all = new ArrayList<>();
        add(all, "lost publish", v.lostPublishes);
        add(all, "replica", v.replicaMismatches);
        add(all, "pointer", v.pointerMismatches);
        add(all, "version numbers", v.versionGaps);
        add(all, "CAS", v.doubleWinners);
        add(all, "webhook", v.unprocessed);
        add(all, "duplicate version", v.duplicateVersions);
        add(all, "target", v.targetsOutOfStep);
        add(all, "forged", v.forgedEffects);
        add(all, "library", v.lostLibraryWrites);
        add(all, "dead event", v.deadEvents);
        add(all, "regression", new ArrayList<>(in.watch().regressions));
        add(all, "integrity", new ArrayList<>(in.watch().integrityFailures));
        for (Faults.Injected f : in.faults()) {
            commonErrors(in, f).forEach(line -> all.add("during " + f.fault.kind().description + ": " + line));
        }
        List<Stats.Error> outside = outsideWindows(in);
        for (Stats.Error e : outside.subList(0, Math.min(20, outside.size()))) {
            all.add(String.format(
                    "error outside fault windows at %s: %s %s %s",
                    Timeline.seconds(e.atMillis()), e.endpoint(), e.status(), e.detail()));
        }
        if (all.isEmpty()) {
            out.append("\nfindings: none\n");
            return;
        }
        out.append("\nfindings (first 20 of each kind)\n");
        all.forEach(line -> out.append("  - ").append(line).append('\n'));
    }

    /** The three most frequent errors of a fault window: endpoint, status, the start of the detail. */
    private static List<String> commonErrors(Inputs in, Faults.Injected f) {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Stats.Error e : in.stats().errors()) {
            if (f.contains(e.atMillis(), in.endMillis())) {
                String detail = e.detail() == null ? "" : e.detail().replaceAll("[0-9a-f-]{36}", "<id>");
                String key = e.endpoint() + " " + (e.status() < 0 ? "io" : Integer.toString(e.status())) + " "
                        + (detail.length() > 110 ? detail.substring(0, 110) + "..." : detail);
                counts.merge(key, 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> e.getValue() + " x " + e.getKey())
                .toList();
    }

    static boolean passed(Inputs in) {
        Verifier.Result v = in.verification();
        return v.eventsLost() == 0
                && in.watch().regressions.isEmpty()
                && in.watch().integrityFailures.isEmpty()
                && v.pointerMismatches.isEmpty()
                && v.versionGaps.isEmpty()
                && v.doubleWinners.isEmpty()
                && v.duplicateVersions.isEmpty()
                && v.targetsOutOfStep.isEmpty()
                && v.forgedEffects.isEmpty()
                && outsideWindows(in).stream().noneMatch(e -> e.outcome() == Stats.Outcome.SERVER_ERROR);
    }

    static List<Stats.Error> outsideWindows(Inputs in) {
        return in.stats().errors().stream()
                .filter(e -> !inAnyWindow(in, e.atMillis()))
                .toList();
    }

    private static boolean inAnyWindow(Inputs in, long millis) {
        return in.faults().stream().anyMatch(f -> f.contains(millis, in.endMillis()));
    }

    private static void add(List<String> all, String kind, List<String> lines) {
        lines.stream().limit(20).forEach(line -> all.add(kind + ": " + line));
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format("| %-50s | %s%n", name, value));
    }

    static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
