package io.plugsync.api.nativeimage;

import io.plugsync.api.connector.ConnectorView;
import io.plugsync.api.connector.CreateConnectorRequest;
import io.plugsync.api.http.Page;
import io.plugsync.common.http.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes where Quarkus REST cannot see them at build time, so a native
 * executable keeps their constructors and accessors: problem bodies built inside {@code Response}
 * entities, and API records. Resources and migrations are
 * registered in application.properties ({@code quarkus.native.resources.includes}).
 */
@RegisterForReflection(
        targets = {
            Problem.class,
            Problem.FieldError.class,
            ConnectorView.class,
            CreateConnectorRequest.class,
            Page.class
        })
public final class NativeRegistrations {
    private NativeRegistrations() {}
}
