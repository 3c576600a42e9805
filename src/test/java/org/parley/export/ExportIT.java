package org.parley.export;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged application. */
@QuarkusIntegrationTest
class ExportIT extends ExportTest {
}
