package io.smartcloudops.api.client;

import java.time.Duration;

/** Receives the agent's Server-Sent Events; called on the subscription's own thread. */
public interface AgentEventListener {

    /**
     * One event.
     *
     * @param type one of {@link io.smartcloudops.api.events.EventTypes}
     * @param json the event's data (decode with {@link io.smartcloudops.api.Json#mapper()})
     */
    void onEvent(String type, String json);

    /** The stream is (re)connected. */
    default void onConnected() {
    }

    /** The stream broke; the subscription retries after {@code retryIn}. */
    default void onDisconnected(Throwable cause, Duration retryIn) {
    }
}
