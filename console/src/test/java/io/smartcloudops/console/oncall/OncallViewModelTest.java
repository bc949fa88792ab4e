package io.smartcloudops.console.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.auth.WhoAmI;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.oncall.Acknowledgement;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.api.oncall.SilenceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OncallViewModelTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    /** Records what the view-model asks of the agent and answers as the agent would. */
    private static final class FakeBackend implements OncallBackend {
        final List<String> calls = new ArrayList<>();
        String refuse;

        @Override
        public void acknowledgeAlert(String id, Consumer<Alert> ok, Consumer<String> failed) {
            calls.add("ack alert " + id);
            if (refuse != null) {
                failed.accept(refuse);
            } else {
                ok.accept(alert(id, "web-1", AlertState.FIRING).marked(null, new Acknowledgement("alice", T0, null)));
            }
        }

        @Override
        public void acknowledgeAnomaly(String id, Consumer<Anomaly> ok, Consumer<String> failed) {
            calls.add("ack anomaly " + id);
            ok.accept(anomaly(id).marked(null, new Acknowledgement("alice", T0, null)));
        }

        @Override
        public void silence(SilenceRequest request, Consumer<Silence> ok, Consumer<String> failed) {
            calls.add("silence " + request.host() + " " + request.duration() + " " + request.reason());
            if (refuse != null) {
                failed.accept(refuse);
                return;
            }
            ok.accept(new Silence("sil-0000000000000001", request.host(), null, null, Map.of(), request.reason(), "alice",
                    T0, T0.plus(Duration.ofHours(1)), null, null, SilenceState.ACTIVE, 1));
        }

        @Override
        public void endSilence(String id, Consumer<Silence> ok, Consumer<String> failed) {
            calls.add("end " + id);
            ok.accept(new Silence(id, "web-1", null, null, Map.of(), "x", "alice", T0, T0.plus(Duration.ofHours(1)), "bob",
                    T0.plusSeconds(60), SilenceState.DELETED, null));
        }
    }

    private final FakeBackend backend = new FakeBackend();
    private final OncallViewModel vm = new OncallViewModel(backend);

    private static Alert alert(String id, String host, AlertState state) {
        return new Alert(id, AlertSource.ALERTMANAGER, "fp", "HighCpu", host, state, "warning", "CPU above 90%",
                Map.of("alertname", "HighCpu"), Map.of(), T0, state == AlertState.RESOLVED ? T0.plusSeconds(60) : null,
                T0, T0, null, null, null);
    }

    private static Anomaly anomaly(String id) {
        return new Anomaly(id, "db-1", T0, T0, null, 0.9, Severity.HIGH, List.of("mem"), List.of(), "mem 97%");
    }

    @Test
    void firingAlertsComeFirstAndAnAlertEventReplacesItsRow() {
        vm.applyAlerts(List.of(alert("al-1", "web-1", AlertState.RESOLVED), alert("al-2", "web-2", AlertState.FIRING)));
        assertThat(vm.alerts()).extracting(Alert::id).containsExactly("al-2", "al-1");
        vm.applyAlert(alert("al-2", "web-2", AlertState.RESOLVED));
        assertThat(vm.alerts()).hasSize(2).allSatisfy(a -> assertThat(a.firing()).isFalse());
        vm.applyAlert(alert("al-3", "web-3", AlertState.FIRING));
        assertThat(vm.alerts()).extracting(Alert::id).startsWith("al-3");
    }

    @Test
    void acknowledgeActsOnTheSelectionAndShowsWhoAndWhen() {
        assertThat(vm.blockedReason().get()).isEqualTo("Select an anomaly or an alert.");
        vm.applyAlerts(List.of(alert("al-1", "web-1", AlertState.FIRING)));
        vm.selectionProperty().set(new Selection.OfAlert(vm.alerts().getFirst()));
        vm.acknowledge();
        assertThat(backend.calls).containsExactly("ack alert al-1");
        assertThat(vm.alerts().getFirst().acknowledged().by()).isEqualTo("alice");
        assertThat(OncallViewModel.acknowledged(vm.alerts().getFirst().acknowledged())).startsWith("alice at ");
        assertThat(vm.messageProperty().get()).startsWith("Acknowledged alert HighCpu on web-1");

        vm.selectionProperty().set(new Selection.OfAnomaly(anomaly("an-1")));
        vm.acknowledge();
        assertThat(backend.calls).endsWith("ack anomaly an-1");
        assertThat(((Selection.OfAnomaly) vm.selectionProperty().get()).anomaly().acknowledged().by()).isEqualTo("alice");
        // named once, without the values that change while it lasts (they moved the buttons below as they changed)
        assertThat(vm.messageProperty().get()).isEqualTo("Acknowledged high anomaly on db-1 since "
                + io.smartcloudops.console.anomalies.AnomaliesViewModel.formatTime(T0) + ".");
    }

    @Test
    void snoozingTheSelectedHostAddsItToTheSilencesAndEndingItRemovesIt() {
        vm.selectionProperty().set(new Selection.OfAnomaly(anomaly("an-1")));
        vm.snoozeHost("1h", "");
        assertThat(backend.calls).containsExactly("silence db-1 1h snoozed from the console");
        assertThat(vm.silences()).singleElement().satisfies(s -> assertThat(OncallViewModel.describe(s)).isEqualTo("host=db-1"));
        vm.endSilence(vm.silences().getFirst());
        assertThat(vm.silences()).isEmpty();
        vm.snoozeHost(" 90m ", "load test");
        assertThat(backend.calls).endsWith("silence db-1 90m load test");
    }

    @Test
    void aViewerMayLookButNotChangeAndRefusalsAreShownInTheAgentsWords() {
        vm.selectionProperty().set(new Selection.OfAlert(alert("al-1", "web-1", AlertState.FIRING)));
        vm.setWhoAmI(new WhoAmI("bob", "viewer"));
        assertThat(vm.viewerOnlyProperty().get()).isTrue();
        assertThat(vm.blockedReason().get()).contains("operator token");
        vm.acknowledge();
        vm.snoozeHost("1h", null);
        Silence held = new Silence("sil-0000000000000002", "web-1", null, null, Map.of(), "deploy", "alice", T0,
                T0.plus(Duration.ofHours(1)), null, null, SilenceState.ACTIVE, 1);
        vm.applySilence(held);
        vm.endSilence(held);
        assertThat(backend.calls).isEmpty();
        assertThat(vm.silences()).containsExactly(held);

        vm.setWhoAmI(new WhoAmI("alice", "operator"));
        assertThat(vm.blockedReason().get()).isEmpty();
        backend.refuse = "duration: must be between 1m and 30d (got 45d)";
        vm.snoozeHost("45d", null);
        assertThat(vm.messageProperty().get()).isEqualTo("The agent refused: duration: must be between 1m and 30d (got 45d)");
        assertThat(vm.silences()).containsExactly(held);
    }
}
