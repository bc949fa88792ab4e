package io.smartcloudops.agent.chat.context;

import java.time.Instant;
import java.util.List;

/**
 * One question and its answer in a conversation, stored redacted.
 *
 * @param at       when it was answered
 * @param question the cleaned, redacted question
 * @param answer   the answer as sent
 * @param hosts    hosts the answer was about (so "why is it anomalous?" can follow "CPU on web-1?")
 */
public record Turn(Instant at, String question, String answer, List<String> hosts) {

    public Turn {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
