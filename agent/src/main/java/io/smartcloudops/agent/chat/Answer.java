package io.smartcloudops.agent.chat;

import java.util.List;

/**
 * What a backend wrote. The facts used and the proposals made are kept by the question's
 * {@link io.smartcloudops.agent.chat.tools.ToolSession}.
 *
 * @param text    the answer
 * @param backend {@code offline} or {@code openai}
 * @param hosts   hosts the answer is about (remembered for follow-up questions)
 */
public record Answer(String text, String backend, List<String> hosts) {

    public Answer {
        hosts = List.copyOf(hosts);
    }
}
