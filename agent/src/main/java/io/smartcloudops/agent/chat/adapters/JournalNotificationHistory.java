package io.smartcloudops.agent.chat.adapters;

import io.smartcloudops.agent.chat.tools.NotificationHistory;
import io.smartcloudops.agent.chat.tools.SentNotification;
import io.smartcloudops.agent.notify.Delivery;
import io.smartcloudops.agent.notify.Notifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chat's read-only view of what the notifier sent ({@code logs/notifications-*.jsonl}): each notice a channel
 * took or gave up. A journal that cannot be read is said, not shown as "nothing was sent".
 */
public final class JournalNotificationHistory implements NotificationHistory {

    private final Notifier notifier;
    private final Clock clock;
    private volatile String unreadable;

    public JournalNotificationHistory(Notifier notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public List<SentNotification> sent(Instant since, Instant until, String host, String channel, boolean failedOnly, int limit) {
        Instant end = until == null ? clock.instant() : until;
        List<Delivery> oldestFirst;
        try {
            oldestFirst = notifier.deliveries(day(since), day(end));
            unreadable = null;
        } catch (IOException e) {
            unreadable = "the notification journal cannot be read (" + e.getClass().getSimpleName() + ")";
            return List.of();
        }
        List<SentNotification> out = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && out.size() < limit; i--) {
            Delivery d = oldestFirst.get(i);
            if (d.at().isBefore(since) || until != null && !d.at().isBefore(until) || failedOnly && d.delivered()
                    || host != null && !host.equals(d.host())
                    || channel != null && !channel.equalsIgnoreCase(d.channel()) && !channel.equalsIgnoreCase(d.type())) {
                continue;
            }
            out.add(new SentNotification(d.at(), d.channel(), d.type(), d.notice().key(), d.about().key(), d.host(),
                    d.headline(), d.severity(), d.delivered(), d.error()));
        }
        return out;
    }

    @Override
    public List<String> channels() {
        return notifier.channelNames().stream()
                .map(n -> n + notifier.channelType(n).map(t -> " (" + t.toLowerCase(Locale.ROOT) + ")").orElse("")).toList();
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unreadable);
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
