package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one range of a Range header (RFC 9110, section 14): what is sent, ignored, or not satisfiable. */
class ByteRangeTest {

    @Test
    void aRangeIsCutToTheRepresentation() {
        assertEquals(Optional.of(new ByteRange(0, 99, 1000)), ByteRange.of("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(500, 999, 1000)), ByteRange.of("bytes=500-", 1000));
        assertEquals(Optional.of(new ByteRange(990, 999, 1000)), ByteRange.of("bytes=-10", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999, 1000)), ByteRange.of("bytes=-5000", 1000), "all of it");
        assertEquals(Optional.of(new ByteRange(10, 999, 1000)), ByteRange.of("bytes=10-123456", 1000));
        assertEquals("bytes 10-999/1000", ByteRange.of("bytes= 10 - ", 1000).orElseThrow().contentRange());
        assertEquals(990, ByteRange.of("bytes=10-", 1000).orElseThrow().length());
    }

    @Test
    void whatIsNotOneByteRangeIsIgnored() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "bytes=9-2", "bytes=0-1,5-6", "lines=0-1",
                "bytes=a-b", "bytes=99999999999999999999-"}) {
            assertEquals(Optional.empty(), ByteRange.of(header, 1000), String.valueOf(header));
        }
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() {
        assertEquals(1000, assertThrows(ByteRange.NotSatisfiable.class, () -> ByteRange.of("bytes=1000-", 1000))
                .size());
        assertThrows(ByteRange.NotSatisfiable.class, () -> ByteRange.of("bytes=-0", 1000));
        assertThrows(ByteRange.NotSatisfiable.class, () -> ByteRange.of("bytes=0-", 0));
    }
}
