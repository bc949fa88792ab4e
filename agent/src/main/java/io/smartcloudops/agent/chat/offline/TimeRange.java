package io.smartcloudops.agent.chat.offline;

import java.time.Instant;

/**
 * A time range read from a question.
 *
 * @param from  inclusive
 * @param until exclusive; null = now
 * @param label how the answer names it, e.g. {@code since 14:50 UTC}, {@code today (since 00:00 UTC)}
 */
public record TimeRange(Instant from, Instant until, String label) {
}
