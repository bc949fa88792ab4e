package io.smartcloudops.console.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.series.SeriesPoint;
import io.smartcloudops.console.dashboard.ChartData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomaliesViewModelTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private final AnomaliesViewModel vm = new AnomaliesViewModel(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Anomaly anomaly(String id, String host, Severity s, Duration ago, String summary) {
        Instant t = NOW.minus(ago);
        return new Anomaly(id, host, t.minusSeconds(30), t, null, 0.8, s, List.of("cpu"),
                List.of(new Contributor("cpu", 97.0, 12.0, 6.4)), summary);
    }

    @Test
    void newestFirstAndFilteredByHostSeverityWindowAndText() {
        vm.applyList(List.of(
                anomaly("1", "web-1", Severity.HIGH, Duration.ofMinutes(5), "cpu 97.0% (baseline 12.0%)"),
                anomaly("2", "db-1", Severity.LOW, Duration.ofMinutes(1), "mem 80.0% (baseline 60.0%)"),
                anomaly("3", "web-1", Severity.CRITICAL, Duration.ofHours(30), "cpu 99.0% (baseline 12.0%)")));

        assertThat(vm.visible()).extracting(Anomaly::id).containsExactly("2", "1");
        assertThat(vm.hosts()).containsExactly(AnomaliesViewModel.ALL_HOSTS, "db-1", "web-1");

        vm.windowProperty().set(AnomalyWindow.D7);
        assertThat(vm.visible()).extracting(Anomaly::id).containsExactly("2", "1", "3");
        vm.hostProperty().set("web-1");
        assertThat(vm.visible()).extracting(Anomaly::id).containsExactly("1", "3");
        vm.severitiesProperty().set(EnumSet.of(Severity.CRITICAL));
        assertThat(vm.visible()).extracting(Anomaly::id).containsExactly("3");
        vm.severitiesProperty().set(EnumSet.allOf(Severity.class));
        vm.hostProperty().set(AnomaliesViewModel.ALL_HOSTS);
        vm.textProperty().set("MEM");
        assertThat(vm.visible()).extracting(Anomaly::id).containsExactly("2");
    }

    @Test
    void anEventUpdatesTheAnomalyWithTheSameIdOrAddsANewOne() {
        vm.applyList(List.of(anomaly("1", "web-1", Severity.MEDIUM, Duration.ofMinutes(5), "cpu")));
        vm.selectedProperty().set(vm.visible().getFirst());
        Anomaly escalated = anomaly("1", "web-1", Severity.CRITICAL, Duration.ofMinutes(5), "cpu");
        vm.applyEvent(escalated);
        vm.applyEvent(anomaly("9", "cache-1", Severity.LOW, Duration.ofMinutes(1), "net_in"));
        assertThat(vm.total()).isEqualTo(2);
        assertThat(vm.selectedProperty().get().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(vm.hosts()).contains("cache-1");
    }

    @Test
    void theSelectionSurvivesAnUpdateEvenWhenTheTableDropsItOnReplace() {
        vm.applyList(List.of(anomaly("1", "web-1", Severity.HIGH, Duration.ofMinutes(5), "cpu")));
        vm.selectedProperty().set(vm.visible().getFirst());
        // what a TableView does when its selected item is replaced in the list
        vm.visible().addListener((javafx.collections.ListChangeListener<Anomaly>) c -> vm.selectedProperty().set(null));
        vm.applyEvent(anomaly("1", "web-1", Severity.CRITICAL, Duration.ofMinutes(5), "cpu"));
        assertThat(vm.selectedProperty().get()).isNotNull()
                .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void formatsContributorsStateAndSeverityColour() {
        assertThat(AnomaliesViewModel.formatContributor(new Contributor("cpu", 97.0, 12.0, 6.42)))
                .isEqualTo("cpu 97.0% (baseline 12.0%, +6.4 σ)");
        // the detector's own explanation of what moved, when the record has one (a spike already over: the value is
        // back at its baseline, so value and σ would say nothing moved)
        assertThat(AnomaliesViewModel.formatContributor(new Contributor("cpu", 0.5, 0.5, 0.1, "cpu spiked to 12.0% (up to 0.7% before)")))
                .isEqualTo("cpu spiked to 12.0% (up to 0.7% before)");
        Anomaly closed = new Anomaly("1", "web-1", NOW.minusSeconds(600), NOW.minusSeconds(590), NOW.minusSeconds(300),
                0.9, Severity.HIGH, List.of("mem"), List.of(), "m");
        // short enough for the cell beside the on-call pane at 1024 px; the tooltip says it in full
        assertThat(AnomaliesViewModel.formatState(closed)).isEqualTo("ended");
        assertThat(AnomaliesViewModel.describeState(closed)).isEqualTo("ended " + AnomaliesViewModel.formatTime(closed.end())
                + ", after 5m");
        assertThat(AnomaliesViewModel.shortDuration(Duration.ofSeconds(330))).isEqualTo("5m30s");
        assertThat(AnomaliesViewModel.shortDuration(Duration.ofSeconds(3 * 3600 + 125))).as("two units at most").isEqualTo("3h2m");
        assertThat(AnomaliesViewModel.shortDuration(Duration.ofHours(50).plusSeconds(7))).isEqualTo("2d2h");
        // the table's Raised to the minute (it was cut at 1024 px with the seconds); the detail title keeps them
        assertThat(AnomaliesViewModel.formatRaised(closed.timestamp()))
                .isEqualTo(AnomaliesViewModel.formatTime(closed.timestamp()).substring(0, AnomaliesViewModel.formatTime(
                        closed.timestamp()).length() - 3))
                .matches("[A-Z][a-z]{2} \\d{1,2} \\d{2}:\\d{2}");
        assertThat(AnomaliesViewModel.formatState(anomaly("2", "h", Severity.LOW, Duration.ZERO, ""))).isEqualTo("open");
        Anomaly handled = closed.withFeedback(new io.smartcloudops.api.anomaly.AnomalyFeedback(
                        io.smartcloudops.api.anomaly.Verdict.FALSE_ALARM, "backup", "alice", NOW))
                .marked("sil-1", new io.smartcloudops.api.oncall.Acknowledgement("operator", NOW.minusSeconds(60), null));
        assertThat(AnomaliesViewModel.formatHandled(handled)).isEqualTo("false alarm · ack operator · silenced");
        assertThat(AnomaliesViewModel.describeHandled(handled).split("\n")).containsExactly(VerdictActions.describe(handled),
                "Acknowledged by operator at " + AnomaliesViewModel.formatTime(NOW.minusSeconds(60)), "Silenced by sil-1");
        assertThat(AnomaliesViewModel.formatHandled(closed)).isEmpty();
        assertThat(AnomaliesViewModel.severityStyle(Severity.CRITICAL)).isEqualTo("severity-critical");
        assertThat(AnomaliesViewModel.chartMetric(closed).key()).isEqualTo("mem");
    }

    @Test
    void theDetailChartShowsTheSurroundingsWithTheStartMarked() {
        Anomaly a = anomaly("1", "web-1", Severity.HIGH, Duration.ofMinutes(5), "cpu");
        List<SeriesPoint> pts = List.of(
                new SeriesPoint(NOW.minus(Duration.ofMinutes(40)), 10),
                new SeriesPoint(NOW.minus(Duration.ofMinutes(10)), 12),
                new SeriesPoint(NOW.minus(Duration.ofMinutes(5)), 97),
                new SeriesPoint(NOW.minus(Duration.ofMinutes(1)), 95));
        ChartData d = vm.windowChart(a, new Series("web-1", "cpu", "%", NOW.minus(Duration.ofHours(1)), pts));
        assertThat(d.lines().getFirst().count()).isEqualTo(3);
        assertThat(d.markers()).hasSize(1);
        assertThat(d.markers().getFirst().at()).isEqualTo(a.start());
        assertThat(d.emptyReason()).isEmpty();
        ChartData none = vm.windowChart(a, new Series("web-1", "cpu", "%", NOW, List.of()));
        assertThat(none.emptyReason()).get().asString().contains("the source reported none");
    }

    @Test
    void aNewAnomalyOrARiseInSeverityIsNewsAndCountsUntilTheScreenIsSeen() {
        vm.applyList(List.of(anomaly("1", "web-1", Severity.LOW, Duration.ofMinutes(5), "cpu 60.0%")));
        assertThat(vm.unseenProperty().get()).as("the list loaded at connect is not news").isZero();
        assertThat(vm.newsProperty().get()).isNull();

        vm.applyEvent(anomaly("2", "web-2", Severity.HIGH, Duration.ofMinutes(1), "cpu 96.0% (baseline 30.0%)"));
        assertThat(vm.unseenProperty().get()).isEqualTo(1);
        assertThat(AnomaliesViewModel.headline(vm.newsProperty().get()))
                .isEqualTo("High anomaly on web-2: cpu (Ctrl+2)");

        vm.applyEvent(anomaly("2", "web-2", Severity.HIGH, Duration.ofMinutes(1), "cpu 97.0% (baseline 30.0%)"));
        assertThat(vm.unseenProperty().get()).as("an update of a known anomaly").isEqualTo(1);
        vm.applyEvent(anomaly("2", "web-2", Severity.CRITICAL, Duration.ofMinutes(1), "cpu 99.0% (baseline 30.0%)"));
        assertThat(vm.newsProperty().get().severity()).as("escalated to critical").isEqualTo(Severity.CRITICAL);
        assertThat(vm.unseenProperty().get()).isEqualTo(1);

        vm.markSeen();
        assertThat(vm.unseenProperty().get()).isZero();
    }

    @Test
    void theAnomalyBeingReadStaysSelectedWhenTheListIsLoadedAgain() {
        Anomaly first = anomaly("5", "web-1", Severity.HIGH, Duration.ofMinutes(2), "cpu 93.0%");
        vm.applyList(List.of(first));
        vm.selectedProperty().set(vm.visible().getFirst());
        Anomaly updated = anomaly("5", "web-1", Severity.CRITICAL, Duration.ofMinutes(2), "cpu 96.0%");
        // after a reconnect: the same anomaly, updated meanwhile, with another one
        vm.applyList(List.of(updated, anomaly("6", "db-1", Severity.LOW, Duration.ofMinutes(1), "mem 70.0%")));
        assertThat(vm.selectedProperty().get()).as("the same anomaly, as its new record").isEqualTo(updated);
    }

    @Test
    void theDetailTitleSaysSeverityHostAndStartOnceAndNotWhatMoved() {
        Anomaly open = anomaly("3", "web-1", Severity.CRITICAL, Duration.ofMinutes(2), "cpu 95.9% (expected 26.5%-62.9%)");
        assertThat(AnomaliesViewModel.detailTitle(open))
                .isEqualTo("CRITICAL on web-1 since " + AnomaliesViewModel.formatTime(open.start()))
                .doesNotContain("95.9");
        Anomaly closed = new Anomaly("4", "db-1", open.start(), open.timestamp(), open.timestamp().plusSeconds(40), 0.5,
                Severity.MEDIUM, List.of("mem"), List.of(), "mem 81.0% (expected 52.0%-64.0%)");
        assertThat(AnomaliesViewModel.detailTitle(closed)).isEqualTo("MEDIUM on db-1, started " + AnomaliesViewModel.formatTime(open.start()));
        assertThat(AnomaliesViewModel.headline(closed)).isEqualTo("Medium anomaly on db-1: mem (Ctrl+2)");
    }

    @Test
    void anEmptySurroundingsChartSaysTheAgentRestartedRatherThanBlamingRetention() {
        Anomaly a = anomaly("1", "web-1", Severity.HIGH, Duration.ofHours(3), "cpu 97.0%");
        vm.agentStartedAt(NOW.minus(Duration.ofHours(1)));
        ChartData d = vm.windowChart(a, new Series("web-1", "cpu", "%", a.start(), List.of()));
        assertThat(d.emptyReason()).hasValueSatisfying(r -> assertThat(r).startsWith("No samples of cpu around this anomaly:"
                + " the agent restarted at").contains("holds samples from then on only").doesNotContain("24 h"));
        vm.agentStartedAt(NOW.minus(Duration.ofDays(3)));
        assertThat(vm.windowChart(anomaly("2", "web-1", Severity.HIGH, Duration.ofHours(30), "x"),
                new Series("web-1", "cpu", "%", NOW, List.of())).emptyReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("older than the 24 hours of samples the agent holds"));
    }
}
