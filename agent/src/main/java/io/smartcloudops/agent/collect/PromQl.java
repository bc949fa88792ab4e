package io.smartcloudops.agent.collect;

import io.smartcloudops.agent.time.DurationText;
import io.smartcloudops.api.Metric;
import java.time.Duration;

/**
 * PromQL for each {@link Metric}, following node_exporter's metric names, one series per
 * {@code instance}. Percentages are 0-100 like the host CSV.
 */
public final class PromQl {

    /** Filesystems that are not the root disk (in-memory, overlays of containers). */
    private static final String ROOT_FS = "mountpoint=\"/\",fstype!~\"tmpfs|ramfs|rootfs\"";
    /** Network devices that carry no host traffic. */
    private static final String REAL_NICS = "device!~\"lo|veth.*|docker.*|br-.*|virbr.*\"";

    private PromQl() {
    }

    /** The query for one metric; {@code rateWindow} is the range of {@code rate()}. */
    public static String query(Metric metric, Duration rateWindow) {
        String w = "[" + DurationText.format(rateWindow) + "]";
        return switch (metric) {
            case CPU -> "100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}" + w + ")))";
            case MEM -> "100 * (1 - max by (instance) (node_memory_MemAvailable_bytes) / max by (instance) (node_memory_MemTotal_bytes))";
            case DISK -> "100 * (1 - max by (instance) (node_filesystem_avail_bytes{" + ROOT_FS + "})"
                    + " / max by (instance) (node_filesystem_size_bytes{" + ROOT_FS + "}))";
            case DISK_IO -> "100 * max by (instance) (rate(node_disk_io_time_seconds_total" + w + "))";
            case NET_IN -> "sum by (instance) (rate(node_network_receive_bytes_total{" + REAL_NICS + "}" + w + "))";
            case NET_OUT -> "sum by (instance) (rate(node_network_transmit_bytes_total{" + REAL_NICS + "}" + w + "))";
            case LOAD1 -> "max by (instance) (node_load1)";
        };
    }
}
