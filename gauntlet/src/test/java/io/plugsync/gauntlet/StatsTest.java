package io.plugsync.gauntlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void statusesAreClassifiedByWhatTheCallerExpected() {
        assertThat(Stats.classify(201, true)).isEqualTo(Stats.Outcome.OK);
        assertThat(Stats.classify(409, true)).isEqualTo(Stats.Outcome.EXPECTED_4XX);
        assertThat(Stats.classify(404, false)).isEqualTo(Stats.Outcome.OTHER_4XX);
        // a 200 where a 202 was expected (a webhook not queued) is not a success either
        assertThat(Stats.classify(200, false)).isEqualTo(Stats.Outcome.OTHER_4XX);
        assertThat(Stats.classify(503, true)).isEqualTo(Stats.Outcome.SERVER_ERROR);
        assertThat(Stats.classify(-1, false)).isEqualTo(Stats.Outcome.IO);
    }

    @Test
    void onlyClientVisibleErrorsAreKeptWithTheirTime() {
        Stats stats = new Stats(new Timeline());
        stats.record("POST publish", 201, true, null);
        stats.record("POST publish", 409, true, "stale");
        stats.record("POST publish", 500, false, "boom");
        stats.record("POST publish", -1, false, "timeout");

        assertThat(stats.counts().get("POST publish")).containsExactly(1, 1, 0, 1, 1);
        assertThat(stats.errors())
                .extracting(Stats.Error::outcome)
                .containsExactly(Stats.Outcome.SERVER_ERROR, Stats.Outcome.IO);
    }

    @Test
    void anErrorBelongsToAFaultFromItsStartUntilItRecovered() {
        Faults.Injected fault =
                new Faults.Injected(new FaultSchedule.Fault(FaultSchedule.Kind.POSTGRES, 10_000, 5_000));
        fault.startedAt = 10_000;
        fault.liftedAt = 15_000;
        fault.recoveredAt = 20_000;

        assertThat(fault.contains(9_999, 60_000)).isFalse();
        assertThat(fault.contains(18_000, 60_000)).isTrue();
        assertThat(fault.contains(20_001, 60_000)).isFalse();

        fault.recoveredAt = -1; // never recovered: the window lasts until the end of the run
        assertThat(fault.contains(59_000, 60_000)).isTrue();
    }
}
