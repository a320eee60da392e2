package io.plugsync.gauntlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultScheduleTest {
    @ParameterizedTest
    @ValueSource(doubles = {3, 5, 10, 30})
    void fullScheduleHasEveryFaultOnceInOrderWithoutOverlap(double minutes) {
        List<FaultSchedule.Fault> plan = FaultSchedule.plan(minutes, false);

        assertThat(plan)
                .extracting(FaultSchedule.Fault::kind)
                .containsExactlyElementsOf(EnumSet.allOf(FaultSchedule.Kind.class));
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).atMillis())
                    .as("fault %d starts 10 s after the previous lift at the earliest", i)
                    .isGreaterThanOrEqualTo(plan.get(i - 1).liftMillis() + 10_000);
        }
    }

    @Test
    void outagesKeepTheirLengthWhateverTheRunLength() {
        for (double minutes : new double[] {3, 10, 30}) {
            List<FaultSchedule.Fault> plan = FaultSchedule.plan(minutes, false);
            assertThat(plan.get(FaultSchedule.Kind.DYNAMODB.ordinal()).downMillis())
                    .isEqualTo(60_000);
            assertThat(plan.get(FaultSchedule.Kind.SQS.ordinal()).downMillis()).isEqualTo(30_000);
        }
    }

    @Test
    void tenMinuteRunEndsItsFaultsBeforeTheLastMinute() {
        List<FaultSchedule.Fault> plan = FaultSchedule.plan(10, false);

        assertThat(plan.get(plan.size() - 1).liftMillis()).isLessThanOrEqualTo(9 * 60_000);
    }

    @Test
    void smokeScheduleKillsTwoReplicasAndRestartsPostgres() {
        assertThat(FaultSchedule.plan(2, true))
                .extracting(FaultSchedule.Fault::kind)
                .containsExactly(
                        FaultSchedule.Kind.KILL_DISPATCHER,
                        FaultSchedule.Kind.KILL_CONFIG_API,
                        FaultSchedule.Kind.POSTGRES);
    }
}
