package io.plugsync.ingest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ReadinessTest} against the packaged application (JVM jar here, native executable with {@code -Pnative}). */
@QuarkusIntegrationTest
class ReadinessIT extends ReadinessTest {}
