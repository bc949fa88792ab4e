package io.smartcloudops.agent.collect;

import io.smartcloudops.api.Metric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every node_exporter instance that a Prometheus server scrapes, one host per {@code instance} label,
 * read through the HTTP API with the queries of {@link PromQl}.
 */
public final class PrometheusSource implements MetricSource {

    private final String spec;
    private final PrometheusClient client;
    private final Clock clock;
    private final Duration rateWindow;
    private final Duration step;

    public PrometheusSource(String spec, PrometheusClient client, Clock clock, Duration rateWindow, Duration step) {
        this.spec = spec;
        this.client = client;
        this.clock = clock;
        this.rateWindow = rateWindow;
        this.step = step;
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public String kind() {
        return "prometheus";
    }

    @Override
    public List<HostSample> collect() throws SourceException {
        Instant now = clock.instant();
        Map<String, Map<Metric, Double>> byHost = new TreeMap<>();
        for (Metric metric : Metric.values()) {
            for (PrometheusClient.VectorSample s : client.query(PromQl.query(metric, rateWindow), now)) {
                String host = s.labels().get("instance");
                if (host != null && Double.isFinite(s.value())) {
                    byHost.computeIfAbsent(host, h -> new EnumMap<>(Metric.class)).put(metric, s.value());
                }
            }
        }
        if (byHost.isEmpty()) {
            throw new SourceException("Prometheus at " + client.url()
                    + " has no node_exporter series (is it scraping a node_exporter?)");
        }
        List<HostSample> out = new ArrayList<>();
        byHost.forEach((host, values) -> out.add(new HostSample(host, now, values)));
        return out;
    }

    @Override
    public List<HostSample> history(Instant from, Instant to) throws SourceException {
        if (!from.isBefore(to)) {
            return List.of();
        }
        Map<String, TreeMap<Instant, Map<Metric, Double>>> byHost = new TreeMap<>();
        for (Metric metric : Metric.values()) {
            for (PrometheusClient.MatrixSeries series : client.queryRange(PromQl.query(metric, rateWindow), from, to, step)) {
                String host = series.labels().get("instance");
                if (host == null) {
                    continue;
                }
                TreeMap<Instant, Map<Metric, Double>> rows = byHost.computeIfAbsent(host, h -> new TreeMap<>());
                for (int i = 0; i < series.values().length; i++) {
                    if (Double.isFinite(series.values()[i])) {
                        rows.computeIfAbsent(series.timestamps().get(i), t -> new EnumMap<>(Metric.class))
                                .put(metric, series.values()[i]);
                    }
                }
            }
        }
        List<HostSample> out = new ArrayList<>();
        byHost.forEach((host, rows) -> rows.forEach((t, values) -> out.add(new HostSample(host, t, values))));
        out.sort(Comparator.comparing(HostSample::timestamp));
        return out;
    }
}
