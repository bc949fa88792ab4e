package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.events.SampleEvent;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.series.SeriesPoint;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DashboardViewModel vm = new DashboardViewModel(clock, ConnectionState.connected("http://a"));
    private final SourceStatus source = new SourceStatus("replay:x", "replay", true, null, NOW, NOW, 0, 15);

    private AgentStatus status(HostStatus... hosts) {
        return new AgentStatus("0.1.0", NOW.minusSeconds(600), 600, source, List.of(hosts), Map.of());
    }

    @Test
    void statusCreatesOneTileRowPerHostAndSelectsTheFirst() {
        vm.applyStatus(status(new HostStatus("web-1", NOW, Map.of("cpu", 37.5, "mem", 52.0), "scoring", 0.31, 10),
                new HostStatus("db-1", NOW, Map.of("cpu", 12.0), "learning", null, 10)));
        assertThat(vm.hosts()).extracting(HostTileModel::host).containsExactly("web-1", "db-1");
        assertThat(vm.selectedHostProperty().get()).isEqualTo("web-1");
        HostTileModel web = vm.hosts().getFirst();
        assertThat(web.cpuProperty().get()).isEqualTo(37.5);
        assertThat(web.diskProperty().get()).isNaN();
        assertThat(web.detectorTextProperty().get()).isEqualTo("score 0.31 (scoring)");
        assertThat(vm.hosts().get(1).detectorTextProperty().get()).isEqualTo("learning this host's normal");
    }

    @Test
    void samplesFeedTilesAndChartsAndTheRangeCutsOldPoints() {
        for (int i = 0; i < 240; i++) {
            Instant t = NOW.minus(Duration.ofMinutes(60)).plusSeconds(15L * i);
            vm.applySample(new SampleEvent("web-1", t, Map.of("cpu", (double) i, "net_in", 1000.0, "net_out", 2000.0)));
        }
        vm.rangeProperty().set(TimeRange.M15);
        ChartData cpu = vm.chartData(ChartSpec.DEFAULT.getFirst(), 1000);
        assertThat(cpu.lines().getFirst().count()).isEqualTo(60);
        assertThat(cpu.lines().getFirst().latest()).isEqualTo(239.0);
        assertThat(cpu.emptyReason()).isEmpty();
        ChartData net = vm.chartData(ChartSpec.DEFAULT.get(4), 1000);
        assertThat(net.lines()).hasSize(2);
        vm.rangeProperty().set(TimeRange.H1);
        assertThat(vm.chartData(ChartSpec.DEFAULT.getFirst(), 1000).lines().getFirst().count()).isEqualTo(240);
        assertThat(vm.hosts().getFirst().cpuProperty().get()).isEqualTo(239.0);
    }

    @Test
    void aFullDayIsDownsampledToTheChartWidth() {
        List<SeriesPoint> day = new ArrayList<>();
        for (int i = 0; i < 5_760; i++) {
            day.add(new SeriesPoint(NOW.minus(Duration.ofHours(24)).plusSeconds(15L * i + 15), 50 + Math.sin(i)));
        }
        vm.applyStatus(status(new HostStatus("web-1", NOW, Map.of("cpu", 50.0), null, null, 5760)));
        vm.applyBackfill(new Series("web-1", "cpu", "%", NOW.minus(Duration.ofHours(24)), day));
        vm.rangeProperty().set(TimeRange.H24);
        ChartData d = vm.chartData(ChartSpec.DEFAULT.getFirst(), 300);
        assertThat(d.lines().getFirst().count()).isEqualTo(300);
        assertThat(vm.sampleCount("web-1", Metric.CPU)).isEqualTo(5_760);
    }

    @Test
    void emptyChartsSayWhyAndMarkersBelongToTheirHost() {
        vm.applyStatus(status(new HostStatus("web-1", NOW, Map.of("cpu", 50.0), null, null, 1)));
        ChartData disk = vm.chartData(ChartSpec.DEFAULT.get(3), 300);
        assertThat(disk.emptyReason()).contains("The source does not report disk busy (disk_io) for web-1");

        vm.applyAnomaly(new Anomaly("a1", "web-1", NOW.minusSeconds(120), NOW.minusSeconds(60), null, 0.9,
                Severity.HIGH, List.of("cpu"), List.of(), "cpu 97.0% (baseline 12.0%)"));
        vm.applyAnomaly(new Anomaly("a2", "db-1", NOW.minusSeconds(120), NOW.minusSeconds(60), null, 0.9,
                Severity.HIGH, List.of("cpu"), List.of(), "x"));
        ChartData cpu = vm.chartData(ChartSpec.DEFAULT.getFirst(), 300);
        assertThat(cpu.markers()).extracting(ChartMarker::label).containsExactly("high cpu");

        vm.connectionProperty().set(new ConnectionState(ConnectionState.Kind.UNREACHABLE, "Agent at http://a unreachable"));
        assertThat(vm.chartData(ChartSpec.DEFAULT.getFirst(), 300).emptyReason()).get().asString()
                .startsWith("No data: agent unreachable.");
    }

    @Test
    void aConsoleOpenForDaysKeepsOnlyTheLastDayOfSamplesAndMarkers() {
        io.smartcloudops.agent.testing.MutableClock moving = new io.smartcloudops.agent.testing.MutableClock(NOW);
        DashboardViewModel open = new DashboardViewModel(moving, ConnectionState.connected("http://a"));
        open.addMarker(new ChartMarker("web-1", NOW, ChartMarker.Kind.ANOMALY, "critical cpu"));
        // two days of samples every 30 s, as the live stream delivers them
        for (int i = 0; i < 2 * 24 * 120; i++) {
            moving.advance(Duration.ofSeconds(30));
            open.applySample(new SampleEvent("web-1", moving.instant(), Map.of("cpu", 50.0)));
        }
        assertThat(open.sampleCount("web-1", Metric.CPU)).as("a day of samples, give or take the trim interval")
                .isBetween(24 * 120, 24 * 120 + 2 * 2);
        open.rangeProperty().set(TimeRange.H24);
        assertThat(open.chartData(ChartSpec.DEFAULT.getFirst(), 1000).markers()).as("the two-day-old marker").isEmpty();
    }

    @Test
    void aMarkerSaysTheAnomalysCurrentSeverity() {
        Anomaly high = new Anomaly("a-1", "web-1", NOW.minusSeconds(90), NOW.minusSeconds(60), null, 0.7, Severity.HIGH,
                List.of("cpu"), List.of(), "cpu 96%");
        vm.applyAnomaly(high);
        vm.applyAnomaly(new Anomaly("a-1", "web-1", high.start(), NOW, null, 0.9, Severity.CRITICAL, List.of("cpu"), List.of(),
                "cpu 99%"));
        vm.selectedHostProperty().set("web-1");
        assertThat(vm.chartData(ChartSpec.DEFAULT.getFirst(), 100).markers()).extracting(ChartMarker::label)
                .as("the list and the chat say critical: so does the chart").containsExactly("critical cpu");
    }
}
