package org.parley.statement;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged application. */
@QuarkusIntegrationTest
class ProvenanceIT extends ProvenanceTest {
}
