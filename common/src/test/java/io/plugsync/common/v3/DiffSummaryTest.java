package io.plugsync.common.v3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffSummaryTest {
    @Test
    void summarisesEachSectionByKey() {
        var from = V3Document.parse("{\"entities\":{\"a\":{\"fields\":{}},\"b\":{\"fields\":{}}},"
                + "\"event_flows\":{\"s/t\":{\"entity\":\"a\"}},\"settings\":{\"r\":1,\"k\":2}}");
        var to = V3Document.parse(
                "{\"entities\":{\"a\":{\"fields\":{\"f\":{\"type\":\"string\"}}},\"c\":{\"fields\":{}}},"
                        + "\"event_flows\":{\"s/t\":{\"entity\":\"a\"}},\"settings\":{\"r\":1,\"n\":3}}");
        DiffSummary summary = DiffSummary.of(from, to);
        assertThat(summary.entities().added()).containsExactly("c");
        assertThat(summary.entities().removed()).containsExactly("b");
        assertThat(summary.entities().changed()).containsExactly("a");
        assertThat(summary.eventFlows().isEmpty()).isTrue();
        assertThat(summary.settings().added()).containsExactly("n");
        assertThat(summary.settings().removed()).containsExactly("k");
        assertThat(JsonDiff.changedPaths(from, to))
                .contains("/entities/c", "/entities/b", "/settings/k", "/settings/n");
    }
}
