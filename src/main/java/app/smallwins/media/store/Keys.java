package app.smallwins.media.store;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The one rule for keys, the same in both stores, so an object stored in one can move to the
 * other: segments of {@code [A-Za-z0-9._-]} joined by single slashes, no empty segment, no
 * {@code .} or {@code ..} segment (nor {@code ..} anywhere), nothing leading or trailing.
 */
final class Keys {

    private static final Pattern SEGMENTS = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final int MAX_LENGTH = 512;

    private Keys() {
    }

    /** The key itself, or IllegalArgumentException. */
    static String check(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("not a media key: " + printable(key));
        }
        return key;
    }

    static boolean isKey(String key) {
        return key != null && key.length() <= MAX_LENGTH && SEGMENTS.matcher(key).matches() && !key.contains("..")
                && !Arrays.asList(key.split("/")).contains(".");
    }

    /**
     * A prefix for {@code list}: empty, or keys' leading characters (it may end inside a segment
     * or with a slash); what it names before its last slash must be a key.
     */
    static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("no prefix (\"\" lists every object)");
        }
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("not a media key prefix: " + printable(prefix));
        }
        String directory = directoryOf(prefix);
        String last = prefix.substring(prefix.lastIndexOf('/') + 1);
        if (!directory.isEmpty()) {
            check(directory);
        }
        if (!last.isEmpty() && (!last.matches("[A-Za-z0-9._-]+") || last.contains(".."))) {
            throw new IllegalArgumentException("not a media key prefix: " + printable(prefix));
        }
        return prefix;
    }

    /** The prefix up to its last slash ("" when it has none). */
    static String directoryOf(String prefix) {
        int slash = prefix.lastIndexOf('/');
        return slash < 0 ? "" : prefix.substring(0, slash);
    }

    private static String printable(String key) {
        if (key == null) {
            return "null";
        }
        String shown = key.length() > 80 ? key.substring(0, 80) + "…" : key;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
