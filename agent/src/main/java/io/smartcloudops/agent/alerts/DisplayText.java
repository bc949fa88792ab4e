package io.smartcloudops.agent.alerts;

/**
 * Text from a webhook, made fit to show: control characters (terminal escapes, line breaks) replaced by
 * U+FFFD and anything longer than a limit cut with a note of how much was left out. What is stored keeps
 * the text as received (JSON escapes it); only what is shown is cut.
 */
public final class DisplayText {

    /** Longest label or annotation value shown by {@code GET /alerts}. */
    public static final int MAX_VALUE = 1024;

    private DisplayText() {
    }

    public static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 32);
        int shown = 0;
        for (int i = 0; i < s.length() && shown < max; ) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || isBidi(cp) ? 0xFFFD : cp);
            i += Character.charCount(cp);
            shown++;
        }
        int total = s.codePointCount(0, s.length());
        if (total > shown) {
            sb.append("… (").append(total - shown).append(" more characters)");
        }
        return sb.toString();
    }

    /** Bidirectional overrides and isolates, which can make shown text read differently from what it is. */
    private static boolean isBidi(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }
}
