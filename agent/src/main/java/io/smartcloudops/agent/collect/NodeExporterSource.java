package io.smartcloudops.agent.collect;

import io.smartcloudops.api.Metric;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Scrapes node_exporter's {@code /metrics} directly and turns counters into rates between two
 * scrapes. The host is the exporter's {@code host:port}, which is also Prometheus's {@code instance}
 * label for it, so both sources name a node the same way.
 */
public final class NodeExporterSource implements MetricSource {

    private record Target(String host, HttpUrl url) {
    }

    record Previous(Instant time, NodeExporterReading reading) {
    }

    private final String spec;
    private final List<Target> targets;
    private final OkHttpClient http;
    private final Clock clock;
    private final Map<String, Previous> previous = new HashMap<>();

    public NodeExporterSource(String spec, List<URI> urls, Duration timeout, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.targets = urls.stream().map(NodeExporterSource::target).toList();
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2)).retryOnConnectionFailure(false).build();
    }

    private static Target target(URI uri) {
        HttpUrl url = HttpUrl.get(uri.toString());
        if (url.encodedPath().equals("/") || url.encodedPath().isEmpty()) {
            url = url.newBuilder().encodedPath("/metrics").build();
        }
        return new Target(url.host() + ":" + url.port(), url);
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public String kind() {
        return "node-exporter";
    }

    @Override
    public synchronized List<HostSample> collect() throws SourceException {
        List<HostSample> out = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Target t : targets) {
            try {
                out.add(scrape(t));
            } catch (SourceException e) {
                failures.add(e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new SourceException(String.join("; ", failures));
        }
        // Some exporters answered: serve them, and let the others show as missing hosts rather than failing all.
        return out;
    }

    private HostSample scrape(Target t) throws SourceException {
        Request request = new Request.Builder().url(t.url()).header("Accept", "text/plain").get().build();
        String text;
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new SourceException("node_exporter at " + t.url() + " answered " + response.code());
            }
            text = response.body().string();
        } catch (IOException e) {
            throw new SourceException("node_exporter at " + t.url() + " unreachable: " + PrometheusClient.describe(e), e);
        }
        Instant now = clock.instant();
        ExpositionParser.Result parsed = ExpositionParser.parse(text, NodeExporterReading.NAMES);
        if (parsed.samples().isEmpty()) {
            throw new SourceException("node_exporter at " + t.url() + " served no node_* metrics (is it node_exporter?)");
        }
        NodeExporterReading reading = NodeExporterReading.from(parsed.samples());
        Previous before = previous.put(t.host(), new Previous(now, reading));
        return new HostSample(t.host(), now, values(reading, before, now));
    }

    static Map<Metric, Double> values(NodeExporterReading r, Previous before, Instant now) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        if (r.memTotal() > 0) {
            v.put(Metric.MEM, 100 * (1 - r.memAvailable() / r.memTotal()));
        }
        if (r.rootSize() > 0) {
            v.put(Metric.DISK, 100 * (1 - r.rootAvail() / r.rootSize()));
        }
        if (!Double.isNaN(r.load1())) {
            v.put(Metric.LOAD1, r.load1());
        }
        if (before == null) {
            return v;
        }
        NodeExporterReading p = before.reading();
        double seconds = (now.toEpochMilli() - before.time().toEpochMilli()) / 1000.0;
        double total = CounterRate.increase(p.cpuTotalSeconds(), r.cpuTotalSeconds());
        if (total > 0) {
            double idle = CounterRate.increase(p.cpuIdleSeconds(), r.cpuIdleSeconds());
            v.put(Metric.CPU, Math.max(0, Math.min(100, 100 * (1 - idle / total))));
        }
        double busiest = Double.NaN;
        for (Map.Entry<String, Double> disk : r.diskIoSeconds().entrySet()) {
            Double prev = p.diskIoSeconds().get(disk.getKey());
            if (prev != null) {
                double rate = CounterRate.perSecond(prev, disk.getValue(), seconds);
                busiest = Double.isNaN(busiest) ? rate : Math.max(busiest, rate);
            }
        }
        if (!Double.isNaN(busiest)) {
            v.put(Metric.DISK_IO, Math.max(0, Math.min(100, 100 * busiest)));
        }
        v.put(Metric.NET_IN, CounterRate.perSecond(p.netInBytes(), r.netInBytes(), seconds));
        v.put(Metric.NET_OUT, CounterRate.perSecond(p.netOutBytes(), r.netOutBytes(), seconds));
        return v;
    }
}
