package io.smartcloudops.agent.export;

import io.smartcloudops.agent.collect.PromQl;
import io.smartcloudops.agent.collect.PrometheusClient;
import io.smartcloudops.agent.collect.SourceException;
import io.smartcloudops.api.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads every node_exporter instance's metrics for a time range from the Prometheus HTTP API (the
 * queries of {@link PromQl}, one series per {@code instance}) and writes one host CSV per instance.
 * Long ranges are read in chunks, since Prometheus refuses more than 11,000 points per series.
 */
public final class PrometheusExport {

    /** Steps per {@code query_range} call: below Prometheus's limit of 11,000 points per series. */
    static final int MAX_STEPS_PER_QUERY = 10_000;

    /** What one export wrote. */
    public record Result(Path file, String host, int rows) {
    }

    private final PrometheusClient client;
    private final Duration rateWindow;

    public PrometheusExport(PrometheusClient client, Duration rateWindow) {
        this.client = client;
        this.rateWindow = rateWindow;
    }

    /** Rows per instance, oldest first, between {@code start} and {@code end} inclusive, every {@code step}. */
    public Map<String, SortedMap<Instant, Map<Metric, Double>>> read(Instant start, Instant end, Duration step)
            throws SourceException {
        Map<String, SortedMap<Instant, Map<Metric, Double>>> byHost = new TreeMap<>();
        Duration chunk = step.multipliedBy(MAX_STEPS_PER_QUERY - 1);
        for (Instant from = start; !from.isAfter(end); from = from.plus(chunk).plus(step)) {
            Instant to = from.plus(chunk).isAfter(end) ? end : from.plus(chunk);
            for (Metric metric : Metric.values()) {
                for (PrometheusClient.MatrixSeries series : client.queryRange(PromQl.query(metric, rateWindow), from, to, step)) {
                    String host = series.labels().get("instance");
                    if (host == null) {
                        continue;
                    }
                    SortedMap<Instant, Map<Metric, Double>> rows = byHost.computeIfAbsent(host, h -> new TreeMap<>());
                    for (int i = 0; i < series.values().length; i++) {
                        double v = series.values()[i];
                        if (Double.isFinite(v)) {
                            rows.computeIfAbsent(series.timestamps().get(i), t -> new EnumMap<>(Metric.class)).put(metric, v);
                        }
                    }
                }
            }
        }
        return byHost;
    }

    /** Reads the range and writes {@code dir/<host>.csv} for each instance; fails if Prometheus has none. */
    public List<Result> export(Instant start, Instant end, Duration step, Path dir) throws SourceException, IOException {
        Map<String, SortedMap<Instant, Map<Metric, Double>>> byHost = read(start, end, step);
        if (byHost.isEmpty()) {
            throw new SourceException("Prometheus at " + client.url() + " has no node_exporter series between "
                    + start + " and " + end + " (is it scraping a node_exporter?)");
        }
        Files.createDirectories(dir);
        List<Result> out = new ArrayList<>();
        for (Map.Entry<String, SortedMap<Instant, Map<Metric, Double>>> e : byHost.entrySet()) {
            Path file = dir.resolve(HostCsvWriter.fileName(e.getKey()));
            HostCsvWriter.write(file, e.getValue());
            out.add(new Result(file, e.getKey(), e.getValue().size()));
        }
        return out;
    }
}
