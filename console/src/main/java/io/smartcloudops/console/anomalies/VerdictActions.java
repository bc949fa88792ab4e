package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyFeedback;
import io.smartcloudops.api.anomaly.Verdict;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Not an anomaly", "Confirm" and taking a verdict back, for the selected anomaly. Nothing is sent on the
 * click: the click asks ({@link #askingProperty()}: what will happen, in words) and only {@link #confirm}
 * sends it ({@code POST|DELETE /anomalies/{id}/feedback}); the answer replaces the anomaly in the list.
 */
public final class VerdictActions {

    /** Sends a verdict ({@code null}: takes it back); calls exactly one of {@code ok} and {@code failed}. */
    public interface Backend {
        void send(String anomalyId, Verdict verdict, String note, Consumer<Anomaly> ok, Consumer<String> failed);
    }

    /**
     * A verdict waiting for the operator's confirmation.
     *
     * @param anomaly the anomaly
     * @param verdict the verdict to give; {@code null} to take the one in force back
     */
    public record Ask(Anomaly anomaly, Verdict verdict) {

        public String title() {
            return verdict == null ? "Take back the verdict on this anomaly?"
                    : verdict == Verdict.FALSE_ALARM ? "Mark as not an anomaly?" : "Confirm this anomaly?";
        }

        /** Exactly what confirming does. */
        public String explanation() {
            String what = String.join(", ", anomaly.metrics()) + " on " + anomaly.host();
            String audit = " Recorded in the agent's audit log under your token's name; it can be taken back.";
            if (verdict == null) {
                AnomalyFeedback f = anomaly.feedback();
                return "The verdict \"" + label(f.verdict()) + "\" (" + f.actor() + ", "
                        + AnomaliesViewModel.formatTime(f.at()) + ") is removed and the detector forgets it." + audit;
            }
            return switch (verdict) {
                case FALSE_ALARM -> "The detector learns that what it flagged (" + what + ", " + window(anomaly)
                        + ") is normal for this host, so the same pattern does not alarm again. It keeps watching these"
                        + " metrics: anything else unusual still alarms." + audit;
                case CONFIRMED -> "The detector keeps this pattern (" + what + ", " + window(anomaly) + ") abnormal for"
                        + " this host: a later \"not an anomaly\" on a similar pattern cannot make it normal." + audit;
            };
        }

        public String button() {
            return verdict == null ? "Take back" : verdict == Verdict.FALSE_ALARM ? "Mark as not an anomaly" : "Confirm anomaly";
        }
    }

    private final Backend backend;
    private final Consumer<Anomaly> updated;
    private final Consumer<String> notice;
    private final ReadOnlyObjectWrapper<Ask> asking = new ReadOnlyObjectWrapper<>(this, "asking");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param updated receives the anomaly as the agent answered it (with or without the verdict)
     * @param notice  receives one line for the operator after each answer
     */
    public VerdictActions(Backend backend, Consumer<Anomaly> updated, Consumer<String> notice) {
        this.backend = backend;
        this.updated = updated;
        this.notice = notice;
    }

    /** Asks to give {@code verdict} on {@code a}; nothing is sent yet. */
    public void ask(Anomaly a, Verdict verdict) {
        if (a != null && !sending.get()) {
            error.set("");
            asking.set(new Ask(a, verdict));
        }
    }

    /** Asks to take the verdict on {@code a} back (when it has one). */
    public void askUndo(Anomaly a) {
        if (a != null && a.feedback() != null && !sending.get()) {
            error.set("");
            asking.set(new Ask(a, null));
        }
    }

    public void cancel() {
        asking.set(null);
    }

    /** Sends what is being asked, with the operator's note (blank: none). */
    public void confirm(String note) {
        Ask a = asking.get();
        if (a == null || sending.get()) {
            return;
        }
        asking.set(null);
        sending.set(true);
        String n = note == null || note.isBlank() ? null : note.strip();
        backend.send(a.anomaly().id(), a.verdict(), n, anomaly -> {
            sending.set(false);
            updated.accept(anomaly);
            notice.accept(a.verdict() == null ? "Verdict on the anomaly on " + anomaly.host() + " taken back."
                    : "The anomaly on " + anomaly.host() + " is marked \"" + label(a.verdict()) + "\".");
        }, message -> {
            sending.set(false);
            error.set(message);
            notice.accept("The verdict was not recorded: " + message);
        });
    }

    /** {@code not an anomaly} or {@code confirmed}: the words of the list and the detail. */
    public static String label(Verdict v) {
        return v == null ? "" : v == Verdict.FALSE_ALARM ? "not an anomaly" : "confirmed";
    }

    /** The verdict line of an anomaly's detail; empty when it has none. */
    public static String describe(Anomaly a) {
        AnomalyFeedback f = a.feedback();
        if (f == null) {
            return "";
        }
        return "Verdict: " + label(f.verdict()) + " (" + f.actor() + ", " + AnomaliesViewModel.formatTime(f.at()) + ")"
                + (f.note() == null ? "" : ": " + f.note());
    }

    private static String window(Anomaly a) {
        String from = AnomaliesViewModel.formatTime(a.start() != null ? a.start() : a.timestamp());
        return a.end() == null ? "since " + from : from + " to " + AnomaliesViewModel.formatTime(a.end()).replaceFirst("^\\w+ \\d+ ", "");
    }

    public ReadOnlyObjectProperty<Ask> askingProperty() {
        return asking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** The last failure's message; empty after a success or a new question. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

}
