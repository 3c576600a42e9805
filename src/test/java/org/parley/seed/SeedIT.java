package org.parley.seed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged application. */
@QuarkusIntegrationTest
class SeedIT extends SeedTest {
}
