package io.smartcloudops.console.oncall;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.oncall.Acknowledgement;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.api.oncall.SilenceState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * On call, beside the anomalies: the alerts Alertmanager and Grafana sent (source shown, who acknowledged them,
 * whether a silence held), the silences holding now, and the Acknowledge and Snooze actions for the anomaly or
 * alert selected last. Changing anything needs an operator token; the agent audits it.
 */
public final class OncallViewModel {

    /** The snooze menu's fixed choices; "Custom..." asks for any duration from 1m to 30d. */
    public static final List<String> SNOOZE_CHOICES = List.of("15m", "1h", "4h");
    /** Alerts kept: as many as the pane loads ({@code GET /alerts?limit=500}). */
    public static final int MAX_ALERTS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final OncallBackend backend;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final SortedList<Alert> alertsNewestFirst = new SortedList<>(alerts,
            Comparator.comparing(Alert::firing).reversed().thenComparing(Alert::startsAt, Comparator.reverseOrder()));
    private final ObservableList<Silence> silences = FXCollections.observableArrayList();
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection");
    private final StringProperty role = new SimpleStringProperty(this, "role", "unknown");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public OncallViewModel(OncallBackend backend) {
        this.backend = backend;
    }

    public ObservableList<Alert> alerts() {
        return alertsNewestFirst;
    }

    public ObservableList<Silence> silences() {
        return silences;
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** The connection's token role ({@code viewer}, {@code operator}); a viewer may look, not change. */
    public StringProperty roleProperty() {
        return role;
    }

    /** The last action's result or refusal, in the agent's words. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Empty when the buttons may act, else why not. */
    public StringBinding blockedReason() {
        return Bindings.createStringBinding(() -> {
            if (selection.get() == null) {
                return "Select an anomaly or an alert.";
            }
            if ("viewer".equals(role.get())) {
                return "Acknowledging and snoozing need an operator token (this one is a viewer's).";
            }
            return "";
        }, selection, role);
    }

    // --- data from the agent ----------------------------------------------------------------------------

    public void applyAlerts(List<Alert> list) {
        alerts.setAll(list.size() > MAX_ALERTS ? list.subList(0, MAX_ALERTS) : list);
    }

    /** An alert arrived, changed or was acknowledged (SSE {@code alert}). */
    public void applyAlert(Alert a) {
        for (int i = 0; i < alerts.size(); i++) {
            if (alerts.get(i).id().equals(a.id())) {
                alerts.set(i, a);
                if (selection.get() instanceof Selection.OfAlert s && s.alert().id().equals(a.id())) {
                    selection.set(new Selection.OfAlert(a));
                }
                return;
            }
        }
        alerts.add(a);
        if (alerts.size() > MAX_ALERTS) {
            alerts.stream().min(Comparator.comparing(Alert::startsAt)).ifPresent(alerts::remove);
        }
    }

    public void applySilences(List<Silence> list) {
        silences.setAll(list.stream().filter(s -> s.state() == SilenceState.ACTIVE).toList());
    }

    /** A silence was created, ended early or ran out (SSE {@code silence}). */
    public void applySilence(Silence s) {
        silences.removeIf(x -> x.id().equals(s.id()));
        if (s.state() == SilenceState.ACTIVE) {
            silences.add(0, s);
        }
    }

    // --- actions ----------------------------------------------------------------------------------------

    /** Acknowledges the selected anomaly or alert. */
    public void acknowledge() {
        Selection sel = selection.get();
        if (sel == null || !blockedReason().get().isEmpty()) {
            return;
        }
        switch (sel) {
            case Selection.OfAlert a -> backend.acknowledgeAlert(a.alert().id(), updated -> {
                applyAlert(updated);
                message.set("Acknowledged " + sel.describe() + ".");
            }, this::failed);
            case Selection.OfAnomaly a -> backend.acknowledgeAnomaly(a.anomaly().id(), updated -> {
                selection.set(new Selection.OfAnomaly(updated));
                message.set("Acknowledged " + sel.describe() + ".");
            }, this::failed);
        }
    }

    /** Snoozes the selected finding's host for {@code duration} ({@code 15m}, {@code 1h}, ... up to 30d). */
    public void snoozeHost(String duration, String reason) {
        Selection sel = selection.get();
        if (sel == null || !blockedReason().get().isEmpty()) {
            return;
        }
        if (sel.host() == null) {
            message.set("This alert names no host to snooze.");
            return;
        }
        String why = reason == null || reason.isBlank() ? "snoozed from the console" : reason.strip();
        backend.silence(SilenceRequest.host(sel.host(), duration.strip(), why), s -> {
            applySilence(s);
            message.set("Snoozed " + sel.host() + " until " + formatTime(s.endsAt()) + ".");
        }, this::failed);
    }

    public void endSilence(Silence s) {
        if ("viewer".equals(role.get())) {
            return;
        }
        backend.endSilence(s.id(), ended -> {
            applySilence(ended);
            message.set("Silence on " + describe(s) + " ended.");
        }, this::failed);
    }

    private void failed(String why) {
        message.set("The agent refused: " + why);
    }

    // --- formatting -------------------------------------------------------------------------------------

    public static String formatTime(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    public static String acknowledged(Acknowledgement a) {
        return a == null ? "" : a.by() + " at " + formatTime(a.at());
    }

    /** {@code HighCPU on web-1 (critical) from alertmanager}. */
    public static String alertLine(Alert a) {
        return a.name() + (a.host() == null ? "" : " on " + a.host()) + (a.severity() == null ? "" : " (" + a.severity() + ")")
                + " from " + a.source().key();
    }

    /** {@code firing since May 4 10:00 · acknowledged by alice at ... · silenced: CPU above 90%}. */
    public static String alertDetail(Alert a) {
        StringBuilder sb = new StringBuilder(a.firing() ? "firing since " + formatTime(a.startsAt()) : state(a));
        if (a.acknowledged() != null) {
            sb.append(" · acknowledged by ").append(acknowledged(a.acknowledged()));
        }
        if (a.silenced() != null) {
            sb.append(" · silenced");
        }
        return sb.append(": ").append(a.summary()).toString();
    }

    public static String state(Alert a) {
        return a.firing() ? "firing" : "resolved " + formatTime(a.endsAt());
    }

    /** What a silence matches: {@code host=web-1, alertname=HighCpu}. */
    public static String describe(Silence s) {
        StringBuilder sb = new StringBuilder();
        if (s.host() != null) {
            sb.append("host=").append(s.host());
        }
        if (s.metric() != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("metric=").append(s.metric());
        }
        if (s.rule() != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("rule=").append(s.rule());
        }
        s.labels().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
