package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.tools.SentNotification;
import io.smartcloudops.agent.chat.tools.ToolOutput;
import java.time.Instant;

/** The offline answers about the notifications sent: what, about which host, to which channel, when, delivered or failed. */
final class NotificationAnswers {

    private final AnswerTimes times;

    NotificationAnswers(AnswerTimes times) {
        this.times = times;
    }

    String sent(ToolOutput.NotificationDigest d, Intent.Notifications asked, String label, int limit, Instant now) {
        if (d.note() != null && d.notifications().isEmpty()) {
            return "I can't tell which notifications were sent: " + d.note() + ".";
        }
        if (d.channels().isEmpty()) {
            return "No notification channel is configured (notify.channels), so no notification was sent.";
        }
        String where = (asked.host() == null ? "" : " about " + asked.host())
                + (asked.channel() == null ? "" : " to " + asked.channel());
        String what = asked.failedOnly() ? "notification failed" : "notification was sent";
        if (d.notifications().isEmpty()) {
            return "No " + what + where + " " + label + ". Channels: " + String.join(", ", d.channels()) + ".";
        }
        long failed = d.notifications().stream().filter(n -> !n.delivered()).count();
        int count = d.notifications().size();
        StringBuilder sb = new StringBuilder()
                .append(count).append(count == 1 ? " notification" : " notifications").append(asked.failedOnly() ? " failed" : "")
                .append(where).append(' ').append(label)
                .append(count >= limit ? " (the " + limit + " newest)" : "")
                .append(asked.failedOnly() ? "" : failed == 0 ? ", all delivered" : ", " + failed + " failed").append(", newest first:");
        int i = 1;
        for (SentNotification n : d.notifications()) {
            sb.append('\n').append(i++).append(". ").append(times.when(n.at(), now)).append(" to ").append(n.channel())
                    .append(n.type() == null || n.type().equals(n.channel()) ? "" : " (" + n.type() + ")").append(": ")
                    .append(AnswerWriter.quote(n.headline()))
                    .append(n.about().equals("message") ? " (a notify action's message)" : "")
                    .append(n.delivered() ? ", delivered" : ", failed: " + AnswerWriter.quote(n.error() == null ? "unknown" : n.error()))
                    .append('.');
        }
        return sb.toString();
    }
}
