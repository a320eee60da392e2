package io.plugsync.ingest.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The receiver tests against the packaged application. */
@QuarkusIntegrationTest
class WebhookReceiverIT extends WebhookReceiverTest {}
