package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.chat.tools.ToolSession;

/** A backend that answers questions using only the tools of its {@link ToolSession}. */
public interface Assistant {

    /**
     * Answers {@code question}.
     *
     * @throws ModelFailure when a model-backed assistant could not answer (the caller falls back to offline)
     */
    Answer answer(Question question, ToolSession tools);
}
