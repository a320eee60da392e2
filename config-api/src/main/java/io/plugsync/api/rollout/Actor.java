package io.plugsync.api.rollout;

import io.plugsync.common.auth.WriterKind;

/** Who moved a rollout, as journalled: a person or agent (token subject and writer kind) or the evaluator. */
public record Actor(String subject, String writerKind) {
    /** The step evaluator of config-api. */
    public static final Actor EVALUATOR = new Actor("rollout-evaluator", WriterKind.SYSTEM.wire());

    public static Actor of(String subject, WriterKind writer) {
        return new Actor(subject, writer.wire());
    }
}
