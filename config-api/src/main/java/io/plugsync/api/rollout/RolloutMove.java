package io.plugsync.api.rollout;

import java.time.OffsetDateTime;
import java.util.List;

/** One pointer move of a rollout ({@code connector_rollout_move}), as listed in its steps. */
public record RolloutMove(
        int seq,
        int step,
        String state,
        double percent,
        List<String> groups,
        String reason,
        String actor,
        OffsetDateTime movedAt) {}
