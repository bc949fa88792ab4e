package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.tools.ToolOutput;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.oncall.Silence;
import java.time.Instant;
import java.util.List;

/** The offline answers about alerts from Alertmanager and Grafana, and the silences that hold. */
final class OncallAnswers {

    private final AnswerTimes times;

    OncallAnswers(AnswerTimes times) {
        this.times = times;
    }

    String alerts(ToolOutput.AlertDigest d, Instant now) {
        String where = d.host() == null ? "" : " on " + d.host();
        if (d.alerts().isEmpty()) {
            return (d.firingOnly() ? "No alert is firing" : "No alert was received") + where
                    + " (from Alertmanager or Grafana)." + (d.note() == null ? "" : " (" + d.note() + ")");
        }
        long firing = d.alerts().stream().filter(Alert::firing).count();
        StringBuilder sb = new StringBuilder(d.firingOnly()
                ? firing + (firing == 1 ? " alert is" : " alerts are") + " firing" + where + ":"
                : d.alerts().size() + (d.alerts().size() == 1 ? " alert" : " alerts") + where + ", newest first:");
        int i = 1;
        for (Alert a : d.alerts()) {
            sb.append('\n').append(i++).append(". ").append(AnswerWriter.quote(a.name().isBlank() ? "unnamed" : a.name()))
                    .append(a.host() == null ? "" : " on " + a.host())
                    .append(a.severity() == null ? "" : " (" + AnswerWriter.quote(a.severity()) + ")")
                    .append(a.firing() ? ", firing since " + times.when(a.startsAt(), now) : ", resolved " + times.when(a.endsAt(), now))
                    .append(", from ").append(a.source().key()).append(": ").append(AnswerWriter.quote(a.summary()));
            if (a.acknowledged() != null) {
                sb.append("; acknowledged by ").append(a.acknowledged().by()).append(' ').append(times.when(a.acknowledged().at(), now));
            }
            if (a.silenced() != null) {
                sb.append("; silenced (").append(a.silenced()).append(')');
            }
            sb.append('.');
        }
        return sb.toString();
    }

    String noAlertFiring(String host, List<Alert> latest, Instant now) {
        if (latest.isEmpty()) {
            return "No alert is firing on " + host + ", and none was received for it.";
        }
        Alert a = latest.getFirst();
        return "No alert is firing on " + host + ". The last one was " + AnswerWriter.quote(a.name()) + " from " + a.source().key()
                + ", " + (a.firing() ? "firing" : "resolved " + times.when(a.endsAt(), now)) + ": " + AnswerWriter.quote(a.summary()) + ".";
    }

    String silences(ToolOutput.SilenceDigest d, Instant now) {
        if (d.silences().isEmpty()) {
            return "Nothing is snoozed: no silence holds now.";
        }
        StringBuilder sb = new StringBuilder(d.silences().size() == 1 ? "1 silence holds:" : d.silences().size() + " silences hold:");
        int i = 1;
        for (Silence s : d.silences()) {
            sb.append('\n').append(i++).append(". ").append(AnswerWriter.quote(io.smartcloudops.agent.oncall.Silences.describe(s)))
                    .append(" until ").append(times.time(s.endsAt())).append(", by ").append(s.createdBy())
                    .append(": ").append(AnswerWriter.quote(s.reason()))
                    .append(s.matching() != null && s.matching() == 0 ? "; it matches nothing now (no firing alert or open "
                            + "anomaly): check what it names" : "").append('.');
        }
        return sb.append("\nWhile a silence holds, what it matches is still detected and recorded, but not notified "
                + "and not remediated automatically.").toString();
    }

    /** "What has been acknowledged?": the anomalies and alerts someone took in hand, newest acknowledgement first. */
    String acknowledged(List<io.smartcloudops.api.anomaly.Anomaly> anomalies, List<Alert> alerts, String host, TimeRange range,
                        Instant now) {
        record Acked(Instant at, String text) {
        }
        List<Acked> acked = new java.util.ArrayList<>();
        for (var a : anomalies) {
            if (a.acknowledged() != null && in(range, a.acknowledged().at())) {
                acked.add(new Acked(a.acknowledged().at(), "anomaly on " + a.host() + " (" + a.severity().key() + ", "
                        + times.when(a.start(), now) + ") acknowledged by " + a.acknowledged().by() + " "
                        + times.when(a.acknowledged().at(), now) + note(a.acknowledged().note())));
            }
        }
        for (Alert a : alerts) {
            if (a.acknowledged() != null && in(range, a.acknowledged().at())) {
                acked.add(new Acked(a.acknowledged().at(), "alert " + AnswerWriter.quote(a.name()) + (a.host() == null ? "" : " on "
                        + a.host()) + (a.firing() ? " (firing)" : " (resolved)") + " acknowledged by " + a.acknowledged().by() + " "
                        + times.when(a.acknowledged().at(), now) + note(a.acknowledged().note())));
            }
        }
        String where = (host == null ? "" : " on " + host) + (range == null ? "" : " " + range.label());
        if (acked.isEmpty()) {
            return "Nothing was acknowledged" + where + " among the recent anomalies and alerts.";
        }
        acked.sort(java.util.Comparator.comparing(Acked::at).reversed());
        StringBuilder sb = new StringBuilder("Acknowledged" + where + ", newest first:");
        acked.forEach(a -> sb.append("\n- ").append(a.text()).append('.'));
        return sb.toString();
    }

    private static boolean in(TimeRange range, Instant t) {
        return range == null || !t.isBefore(range.from()) && (range.until() == null || t.isBefore(range.until()));
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : ": " + AnswerWriter.quote(note);
    }
}
