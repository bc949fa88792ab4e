package io.smartcloudops.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.smartcloudops.api.Metric;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeExporterParsingTest {

    private static String scrape(double idle0, double idle1, double user0, double user1, double io, double rx, double tx) {
        return """
                # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
                # TYPE node_cpu_seconds_total counter
                node_cpu_seconds_total{cpu="0",mode="idle"} %s
                node_cpu_seconds_total{cpu="0",mode="user"} %s
                node_cpu_seconds_total{cpu="1",mode="idle"} %s
                node_cpu_seconds_total{cpu="1",mode="user"} %s
                node_memory_MemAvailable_bytes 2.5e+09
                node_memory_MemTotal_bytes 1e+10
                node_filesystem_avail_bytes{device="/dev/vda",fstype="ext4",mountpoint="/"} 2.5e+10
                node_filesystem_size_bytes{device="/dev/vda",fstype="ext4",mountpoint="/"} 1e+11
                node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 1
                node_filesystem_size_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 100
                node_disk_io_time_seconds_total{device="vda"} %s
                node_network_receive_bytes_total{device="eth0"} %s
                node_network_receive_bytes_total{device="lo"} 9e+12
                node_network_transmit_bytes_total{device="eth0"} %s
                node_load1 0.75
                node_boot_time_seconds 1.7e+09
                """.formatted(idle0, user0, idle1, user1, io, rx, tx);
    }

    @Test
    void parsesLabelsEscapesAndSpecialValues() {
        String text = """
                # comment
                node_x{a="q\\"uote",b="back\\\\slash",c="new\\nline"} 1.5 1700000000000
                node_y NaN
                node_z +Inf
                node_bad{a="unterminated} 1
                {} 3
                """;
        ExpositionParser.Result r = ExpositionParser.parse(text, Set.of("node_x", "node_y", "node_z", "node_bad"));
        assertThat(r.samples()).hasSize(3);
        assertThat(r.samples().get(0).labels()).containsEntry("a", "q\"uote").containsEntry("b", "back\\slash")
                .containsEntry("c", "new\nline");
        assertThat(r.samples().get(0).value()).isEqualTo(1.5);
        assertThat(r.samples().get(1).value()).isNaN();
        assertThat(r.samples().get(2).value()).isInfinite();
        assertThat(r.malformedLines()).isEqualTo(2);
    }

    @Test
    void firstScrapeHasOnlyGaugesThenRatesFollow() {
        Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
        NodeExporterReading r0 = reading(scrape(100, 200, 50, 60, 10, 1000, 500));
        Map<Metric, Double> first = NodeExporterSource.values(r0, null, t0);
        assertThat(first).containsOnlyKeys(Metric.MEM, Metric.DISK, Metric.LOAD1);
        assertThat(first.get(Metric.MEM)).isCloseTo(75.0, within(1e-9));
        assertThat(first.get(Metric.DISK)).isCloseTo(75.0, within(1e-9));
        assertThat(first.get(Metric.LOAD1)).isEqualTo(0.75);

        // 10 s later: idle +5 and +5 of +20 CPU-seconds in total -> 50% busy; disk busy 2 s of 10 s; 1 MB/s in.
        NodeExporterReading r1 = reading(scrape(105, 205, 55, 65, 12, 10_001_000, 500));
        Map<Metric, Double> second = NodeExporterSource.values(r1, new NodeExporterSource.Previous(t0, r0), t0.plusSeconds(10));
        assertThat(second.get(Metric.CPU)).isCloseTo(50.0, within(1e-9));
        assertThat(second.get(Metric.DISK_IO)).isCloseTo(20.0, within(1e-9));
        assertThat(second.get(Metric.NET_IN)).isCloseTo(1_000_000.0, within(1e-6));
        assertThat(second.get(Metric.NET_OUT)).isEqualTo(0.0);
    }

    @Test
    void counterResetCountsTheNewValueAsTheIncrease() {
        assertThat(CounterRate.increase(100, 130)).isEqualTo(30);
        assertThat(CounterRate.increase(100, 7)).as("reset: restarted from zero").isEqualTo(7);
        assertThat(CounterRate.perSecond(100, 7, 2)).isEqualTo(3.5);
        assertThat(CounterRate.perSecond(1, 2, 0)).isNaN();

        Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
        NodeExporterReading before = reading(scrape(100, 200, 50, 60, 10, 5_000_000, 500));
        NodeExporterReading afterReboot = reading(scrape(4, 4, 1, 1, 1, 2_000, 100));
        Map<Metric, Double> v = NodeExporterSource.values(afterReboot, new NodeExporterSource.Previous(t0, before), t0.plusSeconds(10));
        assertThat(v.get(Metric.NET_IN)).as("never negative across a reboot").isEqualTo(200.0);
        assertThat(v.get(Metric.CPU)).as("idle 8 of 10 CPU-seconds since the reset").isCloseTo(20.0, within(1e-9));
        assertThat(v.values()).allSatisfy(x -> assertThat(x).isGreaterThanOrEqualTo(0));
    }

    private static NodeExporterReading reading(String text) {
        return NodeExporterReading.from(ExpositionParser.parse(text, NodeExporterReading.NAMES).samples());
    }
}
