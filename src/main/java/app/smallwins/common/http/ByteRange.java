package app.smallwins.common.http;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.error.ProblemType;

/**
 * One byte range of a representation (RFC 9110, section 14): what a video player asks for
 * when it seeks. Only a single range is served; a request for several, or a header that is
 * not a byte range, gets the whole representation (which the RFC allows).
 *
 * @param first the first byte's offset
 * @param length how many bytes, at least one
 */
public record ByteRange(long first, long length, long size) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** The range the header asks for within {@code size} bytes, or null for the whole. */
    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) { // the last N bytes
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                throw unsatisfiable(size);
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (last < first && !m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return null; // "bytes=5-2" is not a valid range: ignored, the whole is served
            }
        }
        if (first >= size) {
            throw unsatisfiable(size);
        }
        return new ByteRange(first, last - first + 1, size);
    }

    public long last() {
        return first + length - 1;
    }

    /** The Content-Range of a 206 answer. */
    public String contentRange() {
        return "bytes " + first + "-" + last() + "/" + size;
    }

    private static ApiException unsatisfiable(long size) {
        return new ApiException(ProblemType.RANGE_NOT_SATISFIABLE, "The item has " + size + " bytes",
                List.of()).withHeaders(Map.of("Content-Range", "bytes */" + size));
    }
}
