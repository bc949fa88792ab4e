package io.smartcloudops.api.chat;

import java.util.List;

/**
 * The answer to a {@link QueryRequest}; also the data of the SSE event {@code chat}.
 *
 * @param answer          the answer for people, with the numbers it is based on
 * @param backend         who wrote it: {@code offline}, {@code openai}, or
 *                        {@code offline (fallback: <reason>)} when the model failed and the offline backend answered
 * @param data            the facts the answer used: every tool call with its arguments and (size-capped) result
 * @param proposedActions remediations proposed while answering; each waits for an operator's approval and
 *                        nothing has run
 * @param conversationId  pass it back to continue the conversation
 */
public record QueryResponse(String answer, String backend, List<Fact> data, List<ProposedAction> proposedActions,
                            String conversationId) {

    public QueryResponse {
        data = data == null ? List.of() : List.copyOf(data);
        proposedActions = proposedActions == null ? List.of() : List.copyOf(proposedActions);
    }

    /** Whether the configured model failed and the offline backend answered instead. */
    public boolean fellBack() {
        return backend != null && backend.contains("(fallback:");
    }
}
