package org.parley.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/**
 * The TypeScript client generated from the OpenAPI document (contract/: openapi-typescript types, openapi-fetch
 * calls, type-checked by the build before the integration tests) runs its scenario against the packaged app.
 */
@QuarkusIntegrationTest
class TypeScriptClientIT {

    @Test
    void theGeneratedTypeScriptClientRunsItsScenario() throws Exception {
        Process scenario = new ProcessBuilder("node", "build/scenario.js", "http://localhost:" + RestAssured.port,
                Api.EDITOR, Api.PASSWORD).directory(new File("contract")).redirectErrorStream(true).start();
        String output = new String(scenario.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(scenario.waitFor(2, TimeUnit.MINUTES), "the scenario ended in time: " + output);
        assertEquals(0, scenario.exitValue(), output);
        assertTrue(output.contains("TypeScript client scenario passed"), output);
    }
}
