package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import java.util.List;

/**
 * One chart of the dashboard: a title and the metrics drawn on it (same unit).
 *
 * @param title   the chart's title
 * @param metrics one line each
 */
public record ChartSpec(String title, List<Metric> metrics) {

    /** The six charts of a host. */
    public static final List<ChartSpec> DEFAULT = List.of(
            new ChartSpec("CPU busy", List.of(Metric.CPU)),
            new ChartSpec("Memory used", List.of(Metric.MEM)),
            new ChartSpec("Root filesystem used", List.of(Metric.DISK)),
            new ChartSpec("Disk busy", List.of(Metric.DISK_IO)),
            new ChartSpec("Network in / out", List.of(Metric.NET_IN, Metric.NET_OUT)),
            new ChartSpec("Load average (1m)", List.of(Metric.LOAD1)));

    public boolean isPercent() {
        return metrics.getFirst().isPercent();
    }
}
