package io.plugsync.ingest.nativeimage;

import io.plugsync.common.http.Problem;
import io.plugsync.ingest.linking.SetupResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes where Quarkus cannot see them at build time, so a native
 * executable keeps their constructors and accessors: problem bodies built inside {@code Response}
 * entities and the setup callback's answer. Resources and migrations are registered in
 * application.properties ({@code quarkus.native.resources.includes}).
 */
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class, SetupResult.class})
public final class NativeRegistrations {
    private NativeRegistrations() {}
}
