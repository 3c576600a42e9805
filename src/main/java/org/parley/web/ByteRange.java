package org.parley.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one range of bytes a {@code Range} request header asks of a representation (RFC 9110, section 14). Written by
 * hand because Quarkus REST, given a {@code Path}, sends the range asked for with status 200 and no
 * {@code Content-Range}, and has no {@code If-Range} or 416; only what downloads need: a single range, which a
 * server may always answer in full otherwise (several ranges, another unit, a malformed header).
 */
public record ByteRange(long first, long last, long size) {

    private static final Pattern BYTES = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** A range no byte of the representation is in: answered 416 with {@code Content-Range: bytes *}{@code /size}. */
    public static final class NotSatisfiable extends RuntimeException {

        private final long size;

        NotSatisfiable(long size) {
            super(null, null, false, false);
            this.size = size;
        }

        public long size() {
            return size;
        }
    }

    /**
     * The range of {@code header} within {@code size} bytes: empty when the whole representation is to be sent
     * (no header, or one that is ignored); throws {@link NotSatisfiable} when the range starts past the end.
     */
    public static Optional<ByteRange> of(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher range = BYTES.matcher(header);
        if (!range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty()) {
            return Optional.empty(); // several ranges, another unit or nonsense: ignored, the whole is sent
        }
        try {
            if (range.group(1).isEmpty()) { // the last n bytes
                long suffix = Long.parseLong(range.group(2));
                if (suffix == 0 || size == 0) {
                    throw new NotSatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
            }
            long first = Long.parseLong(range.group(1));
            long last = range.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(range.group(2));
            if (last < first) {
                return Optional.empty(); // invalid: ignored
            }
            if (first >= size) {
                throw new NotSatisfiable(size);
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1), size));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long: ignored
        }
    }

    /** How many bytes the range holds. */
    public long length() {
        return last - first + 1;
    }

    /** The value of {@code Content-Range} for it. */
    public String contentRange() {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
