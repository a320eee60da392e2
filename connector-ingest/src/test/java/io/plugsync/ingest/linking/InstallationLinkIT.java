package io.plugsync.ingest.linking;

import io.plugsync.ingest.support.FakeGithubUser;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The linking tests against the packaged application (prod profile, fake GitHub). */
@QuarkusIntegrationTest
@TestProfile(FakeGithubUser.LinkingConfigured.class)
class InstallationLinkIT extends InstallationLinkTest {}
