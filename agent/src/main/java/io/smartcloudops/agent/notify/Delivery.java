package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.oncall.FindingKind;
import java.time.Instant;

/**
 * One notice handed to one channel and what became of it, as {@code notifications-*.jsonl} keeps it (read by the
 * chat: "which notifications were sent?", "did anyone get paged about db-1?").
 *
 * @param at        when it was delivered or given up
 * @param channel   the channel's name under {@code notify.channels}
 * @param type      {@code slack}, {@code teams}, {@code pagerduty} or {@code webhook}
 * @param notice    {@code opened}, {@code repeated}, {@code resolved} or {@code acknowledged}
 * @param about     an anomaly, an alert, or a notify action's message
 * @param id        the anomaly's, alert's or message's id
 * @param host      the host it is about (may be null)
 * @param headline  what people read first, e.g. {@code [FIRING] HighCPU on web-1}
 * @param severity  the anomaly's severity or the alert's {@code severity} label (may be null)
 * @param delivered whether the channel took it
 * @param error     why not (null when delivered)
 */
public record Delivery(Instant at, String channel, String type, Notice.Kind notice, FindingKind about, String id, String host,
                       String headline, String severity, boolean delivered, String error) {

    static Delivery of(Notice n, Channel channel, Instant at, String error) {
        Subject s = n.subject();
        return new Delivery(at, channel.name(), channel.type(), n.kind(), s.kind(), s.id(), s.host(), n.headline(), s.severity(),
                error == null, error);
    }
}
