package io.smartcloudops.agent.chat;

import io.smartcloudops.api.chat.QueryResponse;

/** Bus event: the assistant answered (forwarded to {@code /events} as {@code chat}). */
public record ChatAnswered(QueryResponse response) {
}
