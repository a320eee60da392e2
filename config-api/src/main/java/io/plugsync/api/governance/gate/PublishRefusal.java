package io.plugsync.api.governance.gate;

import io.plugsync.common.http.Problem;
import io.plugsync.common.http.ProblemException;

/**
 * The gate refused a publish: the problem names what is missing (403 role or agent policy, 423
 * freeze, 409 review or approvals). Carries the attempt so the refusal can be journalled after the
 * publish transaction rolled back.
 */
public class PublishRefusal extends ProblemException {
    private final transient PublishAttempt attempt;

    PublishRefusal(Problem problem, PublishAttempt attempt) {
        super(problem);
        this.attempt = attempt;
    }

    public PublishAttempt attempt() {
        return attempt;
    }

    /** The problem's reason (last segment of its type). */
    public String reason() {
        String type = problem().type();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
