package io.smartcloudops.agent.alerts;

import io.smartcloudops.api.TextCut;

/**
 * Text from a webhook, made fit to show: control characters (terminal escapes, line breaks) and bidirectional
 * overrides replaced by U+FFFD, and anything longer than a limit cut ({@link TextCut}) with a note of how much
 * was left out. What is stored keeps
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
        StringBuilder printable = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> printable.appendCodePoint(
                Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || isBidi(cp) ? 0xFFFD : cp));
        String shown = printable.toString();
        String head = TextCut.head(shown, max);
        return head.length() == shown.length() ? shown
                : head + "… (" + (shown.length() - head.length()) + " more characters)";
    }

    /** Bidirectional overrides and isolates, which can make shown text read differently from what it is. */
    private static boolean isBidi(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }
}
