package app.smallwins.common.http;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.error.ProblemType;

/**
 * Optimistic concurrency for PATCH: the ETag is the row version, and a PATCH must send it
 * back in If-Match so nobody overwrites a change they have not seen.
 */
public final class Etags {

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 428 when If-Match is missing, 412 when it names another version; "*" matches any. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the ETag you last read in an If-Match header");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new ApiException(ProblemType.PRECONDITION_FAILED,
                "The record was changed by someone else; fetch it again and retry");
    }
}
