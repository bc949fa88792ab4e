package io.smartcloudops.agent.chat.tools;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The notifications sent to Slack, Teams, PagerDuty and webhooks, and what became of them, as the chat tools read them. */
public interface NotificationHistory {

    /**
     * Newest first, at most {@code limit}, from {@code since} to {@code until} (null: now); of {@code host} and on
     * {@code channel} (its name or type) when given, failed ones only when asked.
     */
    List<SentNotification> sent(Instant since, Instant until, String host, String channel, boolean failedOnly, int limit);

    /** The channels configured, as {@code name (type)}: empty when none is. */
    List<String> channels();

    /** Why nothing can be read (no notifier, the journal unreadable), if so. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Nothing at all (tests, tools without an agent). */
    NotificationHistory NONE = new NotificationHistory() {
        @Override
        public List<SentNotification> sent(Instant since, Instant until, String host, String channel, boolean failedOnly,
                                           int limit) {
            return List.of();
        }

        @Override
        public List<String> channels() {
            return List.of();
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("this agent has no notification journal");
        }
    };
}
