package io.smartcloudops.agent.detectorview;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.detect.ExpectedBand;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.api.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code smartcloudops_band_expected}, {@code smartcloudops_band_lower} and {@code smartcloudops_band_upper},
 * labelled {@code host} and {@code metric} (a bounded set: the hosts watched times seven metrics), in each
 * metric's own unit (the unit of {@code smartcloudops_host_<metric>...}), so a Grafana panel can draw the band
 * around the metric. Read from the detector when scraped (one read serves the three gauges of a scrape).
 */
public final class BandMetrics {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final OnlineDetector detector;
    private final Supplier<List<String>> hosts;
    private Map<String, Map<Metric, ExpectedBand>> read = Map.of();
    private long readAt = Long.MIN_VALUE;

    private BandMetrics(OnlineDetector detector, Supplier<List<String>> hosts) {
        this.detector = detector;
        this.hosts = hosts;
    }

    /** @param hosts the hosts watched (the series store's) */
    public static void register(PrometheusRegistry registry, OnlineDetector detector, Supplier<List<String>> hosts) {
        BandMetrics m = new BandMetrics(detector, hosts);
        m.gauge(registry, "smartcloudops_band_expected",
                "What the detector expects of each host metric at its latest scored sample, in the metric's unit",
                ExpectedBand::expected);
        m.gauge(registry, "smartcloudops_band_lower",
                "Lower edge of the band a host metric is expected to stay in (below it counts as unusual), in the metric's unit",
                ExpectedBand::lower);
        m.gauge(registry, "smartcloudops_band_upper",
                "Upper edge of the band a host metric is expected to stay in (above it counts as unusual), in the metric's unit",
                ExpectedBand::upper);
    }

    private void gauge(PrometheusRegistry registry, String name, String help, ToDoubleFunction<ExpectedBand> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("host", "metric")
                .callback(cb -> bands().forEach((host, byMetric) ->
                        byMetric.forEach((m, b) -> cb.call(value.applyAsDouble(b), host, m.key()))))
                .register(registry);
    }

    private synchronized Map<String, Map<Metric, ExpectedBand>> bands() {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > FRESH_NANOS) {
            Map<String, Map<Metric, ExpectedBand>> out = new LinkedHashMap<>();
            for (String h : hosts.get()) {
                Map<Metric, ExpectedBand> b = detector.bands(h);
                if (!b.isEmpty()) {
                    out.put(h, b);
                }
            }
            read = out;
            readAt = now;
        }
        return read;
    }
}
