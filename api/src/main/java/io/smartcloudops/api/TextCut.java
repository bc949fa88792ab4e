package io.smartcloudops.api;

/**
 * The one way to shorten text for a message, a log line or a record: keep the first {@code max}
 * characters, never splitting a surrogate pair (a cut emoji would become {@code ?} on the wire), and say
 * that something was cut. Null stays null.
 */
public final class TextCut {

    /** What marks a cut: three dots. */
    public static final String ELLIPSIS = "...";

    private TextCut() {
    }

    /** {@code s} when it has at most {@code max} characters, else its first {@code max} followed by {@code ...}. */
    public static String ellipsis(String s, int max) {
        return ellipsis(s, max, ELLIPSIS);
    }

    /** {@code s} when it has at most {@code max} characters, else its first {@code max} followed by {@code marker}. */
    public static String ellipsis(String s, int max, String marker) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return head(s, max) + marker;
    }

    /** At most the first {@code max} characters of {@code s}, without a mark (for values that go on being used). */
    public static String head(String s, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative (got " + max + ")");
        }
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max > 0 && Character.isHighSurrogate(s.charAt(max - 1)) && Character.isLowSurrogate(s.charAt(max))
                ? max - 1 : max;
        return s.substring(0, end);
    }
}
