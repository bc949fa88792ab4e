package io.smartcloudops.api.oncall;

import java.time.Instant;
import java.util.Map;

/**
 * A snooze: while it holds, what it matches is still detected and recorded (flagged {@code silenced}), but
 * no notification goes out and no rule remediates automatically. Buttons and approvals still work. Every
 * matcher given must match; at least one is given.
 *
 * @param id        {@code sil-...}
 * @param host      matches findings on this host
 * @param metric    matches anomalies involving this metric (and rules whose condition reads it)
 * @param rule      matches this rule of {@code rules.yaml}
 * @param labels    matches alerts carrying all of these labels
 * @param reason    why, as its creator wrote it
 * @param createdBy the API token's name of its creator
 * @param createdAt when it started to hold
 * @param endsAt    when it stops holding by itself
 * @param deletedBy who ended it early, if anyone
 * @param deletedAt when it was ended early
 * @param state     {@link SilenceState} at the time of the answer
 */
public record Silence(
        String id,
        String host,
        String metric,
        String rule,
        Map<String, String> labels,
        String reason,
        String createdBy,
        Instant createdAt,
        Instant endsAt,
        String deletedBy,
        Instant deletedAt,
        SilenceState state) {

    public Silence {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** When it stopped (or stops) holding: the earlier of its end and its deletion. */
    public Instant until() {
        return deletedAt != null && deletedAt.isBefore(endsAt) ? deletedAt : endsAt;
    }

    /** Whether it holds at {@code t}. */
    public boolean holdsAt(Instant t) {
        return !t.isBefore(createdAt) && t.isBefore(until());
    }

    /** The same silence with its state as seen at {@code now}. */
    public Silence at(Instant now) {
        SilenceState s = deletedAt != null && !deletedAt.isAfter(now) && deletedAt.isBefore(endsAt) ? SilenceState.DELETED
                : now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
        return s == state ? this : new Silence(id, host, metric, rule, labels, reason, createdBy, createdAt, endsAt,
                deletedBy, deletedAt, s);
    }
}
