package io.smartcloudops.api.chat;

/**
 * {@code POST /query}: a question for the agent's assistant.
 *
 * @param question       the question in plain language, up to {@code chat.max_question_chars} characters
 *                       (2,000 by default); control characters are removed
 * @param conversationId continue an earlier conversation (the {@code conversation_id} of its answers);
 *                       null starts a new one. 1-64 characters of {@code [A-Za-z0-9._-]}
 */
public record QueryRequest(String question, String conversationId) {

    /** A question that starts a new conversation. */
    public static QueryRequest of(String question) {
        return new QueryRequest(question, null);
    }
}
