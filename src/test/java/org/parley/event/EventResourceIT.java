package org.parley.event;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged application. */
@QuarkusIntegrationTest
class EventResourceIT extends EventResourceTest {
}
