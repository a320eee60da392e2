package io.plugsync.gauntlet;

import java.util.ArrayList;
import java.util.List;

/** Which faults happen when, fixed before the run starts and printed. */
final class FaultSchedule {
    enum Kind {
        KILL_CONFIG_API("kill -9 a config-api replica", "config-api"),
        KILL_INGEST("kill -9 a connector-ingest replica", "connector-ingest"),
        KILL_DISPATCHER("kill -9 an outbox-dispatcher replica", "outbox-dispatcher"),
        POSTGRES("PostgreSQL stopped (fast) and restarted", null),
        DYNAMODB("DynamoDB engine stopped", null),
        SQS("SQS engine stopped (in-memory: queues lost)", null),
        GITHUB_SLOW("GitHub answers after 2 s", null),
        GITHUB_5XX("GitHub answers 502 to everything", null);

        final String description;
        /** The service whose replica is killed, for the kill faults. */
        final String service;

        Kind(String description, String service) {
            this.description = description;
            this.service = service;
        }
    }

    /** A fault starting at {@code atMillis} (run time), lifted {@code downMillis} later. */
    record Fault(Kind kind, long atMillis, long downMillis) {
        long liftMillis() {
            return atMillis + downMillis;
        }
    }

    private FaultSchedule() {}

    /**
     * The full schedule for a run of {@code minutes} (every fault kind once, spread over the first
     * ~85 % of the run so the last minute or so is clean), or the smoke schedule: a dispatcher and a
     * config-api replica killed and a PostgreSQL restart.
     */
    static List<Fault> plan(double minutes, boolean smoke) {
        List<Fault> faults = new ArrayList<>();
        if (smoke) {
            double scale = minutes / 2.0;
            faults.add(new Fault(Kind.KILL_DISPATCHER, at(25, scale), 10_000));
            faults.add(new Fault(Kind.KILL_CONFIG_API, at(45, scale), 10_000));
            faults.add(new Fault(Kind.POSTGRES, at(65, scale), 5_000));
            return faults;
        }
        // the 10-minute plan; shorter or longer runs stretch the start times, never the outages
        double scale = minutes / 10.0;
        long[][] plan = {
            {40, 15}, // KILL_CONFIG_API
            {80, 15}, // KILL_INGEST
            {120, 15}, // KILL_DISPATCHER
            {160, 5}, // POSTGRES
            {210, 60}, // DYNAMODB
            {330, 30}, // SQS
            {400, 45}, // GITHUB_SLOW
            {470, 30}, // GITHUB_5XX
        };
        long previousLift = 0;
        for (int i = 0; i < plan.length; i++) {
            long start = Math.max(at(plan[i][0], scale), previousLift + 10_000);
            Fault fault = new Fault(Kind.values()[i], start, plan[i][1] * 1000);
            faults.add(fault);
            previousLift = fault.liftMillis();
        }
        return faults;
    }

    private static long at(long seconds, double scale) {
        return Math.round(seconds * scale * 1000);
    }

    static String describe(List<Fault> faults) {
        StringBuilder out = new StringBuilder("fault schedule (run time; a fault waits until the previous one"
                + " has recovered, at most 120 s after its lift; the load goes on until the last fault has been"
                + " lifted for 60 s):\n");
        for (Fault f : faults) {
            out.append(String.format(
                    "  %s - %s  %s (%d s)%n",
                    Timeline.seconds(f.atMillis()),
                    Timeline.seconds(f.liftMillis()),
                    f.kind().description,
                    f.downMillis() / 1000));
        }
        return out.toString();
    }
}
