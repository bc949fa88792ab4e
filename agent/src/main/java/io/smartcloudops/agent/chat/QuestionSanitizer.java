package io.smartcloudops.agent.chat;

import java.util.regex.Pattern;

/**
 * Makes a question safe to read and to hand to a model: refuses empty and over-long ones, removes control
 * and invisible formatting characters (zero-width and bidirectional marks can hide instructions), and
 * folds whitespace.
 */
public final class QuestionSanitizer {

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final int maxChars;

    public QuestionSanitizer(int maxChars) {
        this.maxChars = maxChars;
    }

    public String clean(String question) {
        if (question == null || question.isBlank()) {
            throw new QuestionRejected("question", "is required");
        }
        if (question.length() > maxChars) {
            throw new QuestionRejected("question", "longer than " + maxChars + " characters (got " + question.length() + ")");
        }
        StringBuilder sb = new StringBuilder(question.length());
        boolean space = false;
        for (int i = 0; i < question.length(); ) {
            int c = question.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean whitespace = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\t' || c == '\n' || c == '\r';
            if (whitespace) {
                space = sb.length() > 0;
                continue;
            }
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.appendCodePoint(c);
        }
        if (sb.isEmpty()) {
            throw new QuestionRejected("question", "has no readable text");
        }
        return sb.toString();
    }

    /** A valid conversation id, or a new one when none was given. */
    public static String conversationId(String given, java.util.function.Supplier<String> newId) {
        if (given == null || given.isEmpty()) {
            return newId.get();
        }
        if (!CONVERSATION_ID.matcher(given).matches()) {
            throw new QuestionRejected("conversation_id", "must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return given;
    }
}
