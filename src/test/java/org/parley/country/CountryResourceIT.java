package org.parley.country;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios against the packaged application. */
@QuarkusIntegrationTest
class CountryResourceIT extends CountryResourceTest {
}
