package io.smartcloudops.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void cpuIsOneMinusTheIdleRateAveragedPerInstance() {
        assertThat(PromQl.query(Metric.CPU, Duration.ofMinutes(1)))
                .startsWith("(100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[1m])))) and on (instance) ");
    }

    @Test
    void ratesAreKeptOnlyWhereTheirWholeWindowWasScraped() {
        for (Metric m : java.util.List.of(Metric.CPU, Metric.DISK_IO, Metric.NET_IN, Metric.NET_OUT)) {
            assertThat(PromQl.query(m, Duration.ofMinutes(1))).as(m.key())
                    .endsWith(" and on (instance) (min_over_time(up[1m]) == 1) and on (instance) "
                            + "(count_over_time(up[1m]) + 1 >= count_over_time(up[1m] offset 1m))");
        }
        assertThat(PromQl.query(Metric.MEM, Duration.ofMinutes(1))).doesNotContain("min_over_time(up");
    }

    @Test
    void gaugesAreDroppedWhereTheirTargetWasNotScrapedLately() {
        for (Metric m : java.util.List.of(Metric.MEM, Metric.DISK, Metric.LOAD1)) {
            assertThat(PromQl.query(m, Duration.ofSeconds(90))).as(m.key())
                    .endsWith(" unless on (instance) (((time() - timestamp(up)) > 90) or ((time() - timestamp(up)) > 2 * 90"
                            + " / count_over_time(up[1m30s] offset 1m30s)))");
        }
    }

    @Test
    void rateWindowIsConfigurable() {
        assertThat(PromQl.query(Metric.DISK_IO, Duration.ofSeconds(15))).contains("[15s]")
                .contains("node_disk_io_time_seconds_total");
        assertThat(PromQl.query(Metric.NET_IN, Duration.ofMinutes(2))).contains("[2m]")
                .contains("node_network_receive_bytes_total").contains("device!~");
    }

    @Test
    void gaugesFollowNodeExporterNamesAndGroupByInstance() {
        assertThat(PromQl.query(Metric.MEM, Duration.ofMinutes(1)))
                .contains("node_memory_MemAvailable_bytes").contains("node_memory_MemTotal_bytes");
        assertThat(PromQl.query(Metric.DISK, Duration.ofMinutes(1)))
                .contains("mountpoint=\"/\"").contains("node_filesystem_avail_bytes").contains("node_filesystem_size_bytes");
        assertThat(PromQl.query(Metric.LOAD1, Duration.ofMinutes(1))).startsWith("(max by (instance) (node_load1)) unless on (instance) ");
        for (Metric m : Metric.values()) {
            assertThat(PromQl.query(m, Duration.ofMinutes(1))).as(m.key()).contains("by (instance)");
        }
    }
}
