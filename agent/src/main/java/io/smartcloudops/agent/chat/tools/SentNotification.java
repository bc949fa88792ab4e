package io.smartcloudops.agent.chat.tools;

import java.time.Instant;

/**
 * One notification a channel took or gave up, as the chat reads it.
 *
 * @param at        when it was delivered or given up
 * @param channel   the channel's name (e.g. {@code oncall})
 * @param type      {@code slack}, {@code teams}, {@code pagerduty} or {@code webhook}
 * @param notice    {@code opened}, {@code repeated}, {@code resolved} or {@code acknowledged}
 * @param about     {@code anomaly}, {@code alert} or {@code message} (a notify action's)
 * @param host      the host it is about (may be null)
 * @param headline  e.g. {@code [FIRING] HighCPU on web-1}
 * @param severity  may be null
 * @param delivered whether the channel took it
 * @param error     why not (null when delivered)
 */
public record SentNotification(Instant at, String channel, String type, String notice, String about, String host,
                               String headline, String severity, boolean delivered, String error) {
}
