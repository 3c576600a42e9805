package org.parley.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged application. */
@QuarkusIntegrationTest
class ProblemResponsesIT extends ProblemResponsesTest {
}
