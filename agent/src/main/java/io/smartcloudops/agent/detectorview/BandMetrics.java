package io.smartcloudops.agent.detectorview;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.detect.ExpectedBand;
import java.util.function.ToDoubleFunction;

/**
 * {@code smartcloudops_band_expected}, {@code smartcloudops_band_lower} and {@code smartcloudops_band_upper},
 * labelled {@code host} and {@code metric} (a bounded set: the hosts watched times seven metrics), in each
 * metric's own unit (the unit of {@code smartcloudops_host_<metric>...}), so a Grafana panel can draw the band
 * around the metric.
 */
public final class BandMetrics {

    private BandMetrics() {
    }

    public static void register(PrometheusRegistry registry, BandRecorder bands) {
        gauge(registry, bands, "smartcloudops_band_expected",
                "What the detector expects of each host metric at its latest scored sample, in the metric's unit",
                ExpectedBand::expected);
        gauge(registry, bands, "smartcloudops_band_lower",
                "Lower edge of the band a host metric is expected to stay in (below it counts as unusual), in the metric's unit",
                ExpectedBand::lower);
        gauge(registry, bands, "smartcloudops_band_upper",
                "Upper edge of the band a host metric is expected to stay in (above it counts as unusual), in the metric's unit",
                ExpectedBand::upper);
    }

    private static void gauge(PrometheusRegistry registry, BandRecorder bands, String name, String help,
                              ToDoubleFunction<ExpectedBand> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("host", "metric")
                .callback(cb -> bands.latest().forEach((host, byMetric) ->
                        byMetric.forEach((m, b) -> cb.call(value.applyAsDouble(b), host, m.key()))))
                .register(registry);
    }
}
