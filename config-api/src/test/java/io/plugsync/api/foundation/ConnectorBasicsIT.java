package io.plugsync.api.foundation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ConnectorBasicsTest} against the packaged application (JVM jar here, native executable with {@code -Pnative}). */
@QuarkusIntegrationTest
class ConnectorBasicsIT extends ConnectorBasicsTest {}
