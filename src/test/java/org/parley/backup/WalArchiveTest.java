package org.parley.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.EmbeddedH2;

/**
 * The WAL archive's lag and failures on PostgreSQL: on /q/metrics and in the wellness check "wal-archive". The
 * restore drill (reliability/restore_drill.py) reads them on a cluster that archives; the test servers do not.
 */
@QuarkusTest
class WalArchiveTest {

    @Test
    void theEndOfAnArchivedSegmentIsItsNextPosition() {
        long sixteenMib = 16L << 20;
        assertEquals(0, WalArchive.archivedUpTo(null, sixteenMib));
        assertEquals(sixteenMib, WalArchive.archivedUpTo("000000010000000000000000", sixteenMib));
        assertEquals(3 * sixteenMib, WalArchive.archivedUpTo("000000010000000000000002", sixteenMib));
        // the high 32 bits of the position, then the segment within them (0xFF is the last of 256 segments)
        assertEquals(2 * 0x1_0000_0000L, WalArchive.archivedUpTo("0000000100000001000000FF", sixteenMib));
        assertEquals(0x1_0000_0000L + 5 * (1L << 20), WalArchive.archivedUpTo("000000020000000100000004", 1L << 20));
    }

    @Test
    void theWellnessCheckSaysWhetherItApplies() {
        String metrics = anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract()
                .asString(); // first: the gauges are there from the start, not from the first health check
        var check = anonymous().get("/q/health/well").then().statusCode(200)
                .body("checks.name", hasItem("wal-archive"));
        if (EmbeddedH2.built()) {
            check.body("checks.find { it.name == 'wal-archive' }.data.applies", equalTo(false));
            assertThat(metrics, not(containsString("parley_wal_archive")));
        } else {
            check.body("checks.find { it.name == 'wal-archive' }.status", equalTo("UP"));
            assertThat(metrics, containsString("parley_wal_archive_failures_total"));
            assertThat(metrics, containsString("parley_wal_archive_pending_bytes"));
        }
    }
}
