package io.plugsync.dispatcher.nativeimage;

import io.plugsync.common.http.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes where Quarkus cannot see them at build time, so a native
 * executable keeps their constructors and accessors: problem bodies built inside {@code Response}
 * entities (the outbox payload records register themselves in common). Resources and migrations are registered in
 * application.properties ({@code quarkus.native.resources.includes}).
 */
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class})
public final class NativeRegistrations {
    private NativeRegistrations() {}
}
