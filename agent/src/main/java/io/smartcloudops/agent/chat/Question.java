package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.chat.context.Turn;
import java.util.List;

/**
 * A question ready for a backend.
 *
 * @param text           cleaned (control characters removed, length checked)
 * @param conversationId the conversation it belongs to
 * @param actor          the asking token's name (the actor of any proposal)
 * @param history        earlier turns of the conversation, oldest first
 */
public record Question(String text, String conversationId, String actor, List<Turn> history) {

    public Question {
        history = List.copyOf(history);
    }
}
