package io.smartcloudops.agent.notify;

import java.util.Optional;

/**
 * A place notifications go. Each kind renders a {@link Notice} into the exact request its service expects;
 * a channel that has nothing to say for a notice (Slack and Teams are not told about acknowledgements,
 * PagerDuty keeps its own incident open without repeats) renders nothing.
 */
public sealed interface Channel permits SlackChannel, TeamsChannel, PagerDutyChannel, WebhookChannel {

    /** The name under {@code notify.channels}. */
    String name();

    /** {@code slack}, {@code teams}, {@code pagerduty} or {@code webhook}. */
    String type();

    Optional<OutgoingRequest> render(Notice notice);
}
