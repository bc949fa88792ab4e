package io.smartcloudops.agent.http;

import io.smartcloudops.api.TextCut;

/**
 * The one way text from a request (a parameter or field name, an id, a unit name, a model's tool argument)
 * is quoted in an error message: on one line, with nothing that could hide or reorder what follows, and
 * bounded. Controls (C0, DEL, C1), line and paragraph separators, format characters (bidi overrides,
 * zero-width characters, BOM) and lone surrogates become {@code ?}; the text is cut after {@link #MAX}
 * characters by {@link TextCut} (never inside an emoji) and marked with {@code ...}.
 */
public final class UntrustedText {

    /** Long enough to recognise a unit or host name, short enough for one line of an error. */
    public static final int MAX = 80;

    private UntrustedText() {
    }

    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        String cut = TextCut.head(s, MAX);
        StringBuilder out = new StringBuilder(cut.length() + 3);
        cut.codePoints().forEach(c -> out.appendCodePoint(isPrintable(c) ? c : '?'));
        return cut.length() < s.length() ? out.append(TextCut.ELLIPSIS).toString() : out.toString();
    }

    static boolean isPrintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
