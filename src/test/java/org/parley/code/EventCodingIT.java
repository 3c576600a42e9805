package org.parley.code;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged application. */
@QuarkusIntegrationTest
class EventCodingIT extends EventCodingTest {
}
