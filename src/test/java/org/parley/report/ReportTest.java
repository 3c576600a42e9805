package org.parley.report;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.Api;
import org.parley.value.Sha256;

/** Report texts: carried by an import's source, checked against its hash, kept once, read by hash. */
@QuarkusTest
class ReportTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> document) {
        var event = ((List<Map<String, Object>>) document.get("events")).get(0);
        return ((List<Map<String, Object>>) event.get("sources")).get(0);
    }

    @Test
    void aTextWithoutItsHashIsKeptAndTheSourceGetsItsHash() {
        String run = Api.unique("report");
        long id = WireReport.imported(run);
        String sha256 = Sha256.hex(WireReport.TEXT);
        Api.anonymous().get("/api/v1/events/{id}", id).then().statusCode(200)
                .body("sources[0].textSha256", equalTo(sha256))
                .body("sources[0].containsKey('text')", equalTo(false))
                .body("statements.sourceSha256", hasItem(sha256));
        Api.anonymous().get("/api/v1/reports/{sha256}", sha256).then().statusCode(200)
                .body("sha256", equalTo(sha256)).body("text", equalTo(WireReport.TEXT))
                .body("length", equalTo(WireReport.TEXT.length()));
        // the same text again, from another event, is the same report: kept once (a second row would be a 409)
        long other = WireReport.imported(Api.unique("report"));
        assertNotEquals(id, other);
        Api.anonymous().get("/api/v1/reports/{sha256}", sha256).then().statusCode(200)
                .body("text", equalTo(WireReport.TEXT));
    }

    @Test
    void aTextWhoseHashIsNotTheSourcesIsRefusedAndNothingIsWritten() {
        String run = Api.unique("report");
        Map<String, Object> document = WireReport.document(run, true);
        String other = Sha256.hex(WireReport.TEXT + " ");
        source(document).put("textSha256", other);
        Api.editor().contentType("application/json").body(document).post("/api/v1/import").then().statusCode(400)
                .body("violations.field", hasItem("events[0].sources[0].text"));
        Api.anonymous().get("/api/v1/reports/{sha256}", other).then().statusCode(404);
        Api.anonymous().queryParam("q", run).get("/api/v1/events").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aTextWithItsHashIsAccepted() {
        String run = Api.unique("report");
        Map<String, Object> document = WireReport.document(run, true);
        source(document).put("textSha256", Sha256.hex(WireReport.TEXT));
        Api.editor().contentType("application/json").body(document).post("/api/v1/import").then().statusCode(200)
                .body("events.created", equalTo(1));
    }

    @Test
    void aDryRunKeepsNoText() {
        String run = Api.unique("report");
        Map<String, Object> document = WireReport.document(run, true);
        String text = "DRY RUN, 1 April (Parley Wire) -- Nothing was kept " + run + ".";
        source(document).put("text", text);
        Api.editor().contentType("application/json").body(document).queryParam("dryRun", "true")
                .post("/api/v1/import").then().statusCode(200);
        Api.anonymous().get("/api/v1/reports/{sha256}", Sha256.hex(text)).then().statusCode(404);
    }

    @Test
    void anUnknownReportIsA404Problem() {
        Api.anonymous().get("/api/v1/reports/{sha256}", Sha256.hex("never imported")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
