package io.smartcloudops.agent.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.CollectionMetrics;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.status.SourceStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent's own Prometheus metrics ({@code smartcloudops_*}) and the latest value of every host and
 * metric as gauges. Other features register their metrics in {@link #registry()}.
 */
public final class AgentMetrics implements CollectionMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final Counter collections;
    private final Counter samples;
    private final Histogram collectionSeconds;
    private final Counter overruns;

    public AgentMetrics(String version, SeriesStore store) {
        Info.builder().name("smartcloudops_build_info").help("Agent version").labelNames("version")
                .register(registry).addLabelValues(version);
        collections = Counter.builder().name("smartcloudops_source_collections_total")
                .help("Collections from the metric source by result").labelNames("source", "result")
                .register(registry);
        samples = Counter.builder().name("smartcloudops_samples_total")
                .help("Host samples stored").register(registry);
        collectionSeconds = Histogram.builder().name("smartcloudops_collection_duration_seconds")
                .help("One collection from its start until its samples are stored, scored and evaluated by the rules")
                .classicOnly().classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
                .register(registry);
        overruns = Counter.builder().name("smartcloudops_collection_overruns_total")
                .help("Collections that took longer than the interval: the agent is falling behind its hosts")
                .register(registry);
        GaugeWithCallback.builder().name("smartcloudops_hosts").help("Hosts with samples in memory")
                .callback(cb -> cb.call(store.hosts().size())).register(registry);
        GaugeWithCallback.builder().name("smartcloudops_store_samples").help("Samples held by the series store, all hosts: raw ones and those its minute rows stand for")
                .callback(cb -> cb.call(store.samplesHeld())).register(registry);
        GaugeWithCallback.builder().name("smartcloudops_store_bytes")
                .help("Heap held by the series store: raw newest blocks plus compressed older ones and minute rows")
                .callback(cb -> cb.call(store.footprintBytes())).register(registry);
        GaugeWithCallback.builder().name("smartcloudops_store_refused_hosts")
                .help("Hosts that sent samples while the series store was full (store.max_hosts): not stored")
                .callback(cb -> cb.call(store.refusedHostCount())).register(registry);
        CounterWithCallback.builder().name("smartcloudops_store_corrupt_blocks_total")
                .help("Compressed blocks that failed to decode and were dropped (their samples are gone)")
                .callback(cb -> cb.call(store.corruptBlocksDropped())).register(registry);
        for (Metric m : Metric.values()) {
            GaugeWithCallback.builder().name(gaugeName(m)).help("Latest " + m.description() + " per host"
                            + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")"))
                    .labelNames("host")
                    .callback(cb -> {
                        for (String host : store.hosts()) {
                            Double v = store.latestValues(host).get(m);
                            if (v != null) {
                                cb.call(v, host);
                            }
                        }
                    }).register(registry);
        }
    }

    /**
     * Registers {@code smartcloudops_source_up}, read from the collector's status. Separate from the
     * constructor because the collector reports into these metrics and so is built after them.
     */
    public void watchSource(Supplier<SourceStatus> source) {
        GaugeWithCallback.builder().name("smartcloudops_source_up")
                .help("1 if the last collection from the metric source succeeded, else 0").labelNames("source")
                .callback(cb -> {
                    SourceStatus s = source.get();
                    cb.call(s.healthy() ? 1 : 0, s.kind());
                }).register(registry);
    }

    /** {@code smartcloudops_host_cpu_percent}, {@code smartcloudops_host_net_in_bytes_per_second}, ... */
    public static String gaugeName(Metric m) {
        String unit = switch (m.unit()) {
            case "%" -> "_percent";
            case "B/s" -> "_bytes_per_second";
            default -> "";
        };
        return "smartcloudops_host_" + m.key() + unit;
    }

    /**
     * Registers the JVM's own metrics ({@code jvm_*}, {@code process_*}). Not in the constructor: making them asks
     * the JVM's management beans, a fifth of the agent's start before it could answer (docs/benchmarks.md, cold
     * start); the agent calls this in the background once it serves. All of client_java's {@code JvmMetrics} but its
     * native-memory part: that one starts the JMX platform server and JFR's diagnostic commands to ask for Native
     * Memory Tracking, which is off unless an operator turns it on (then {@code jcmd PID VM.native_memory} reads it),
     * and it loaded 280 classes into every agent (docs/benchmarks.md, fourth pass).
     */
    public void registerJvmMetrics() {
        JvmThreadsMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmCompilationMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmMemoryPoolAllocationMetrics.builder().register(registry);
        JvmMemoryMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
        ProcessMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void collection(String sourceKind, boolean ok) {
        // Both results exist from the first collection on: an error ratio over a healthy source reads 0, not nothing.
        collections.labelValues(sourceKind, ok ? "error" : "ok");
        collections.labelValues(sourceKind, ok ? "ok" : "error").inc();
    }

    @Override
    public void samples(int n) {
        if (n > 0) {
            samples.inc(n);
        }
    }

    /** How long one collection took, and whether that was longer than the collection interval. */
    @Override
    public void collectionTook(java.time.Duration took, java.time.Duration interval) {
        collectionSeconds.observe(took.toNanos() / 1e9);
        if (took.compareTo(interval) > 0) {
            overruns.inc();
        }
    }

    /** A scrape in the format the {@code Accept} header asks for (Prometheus text by default). */
    public Scrape scrape(String acceptHeader) {
        ExpositionFormatWriter writer = formats.findWriter(acceptHeader);
        if (!(writer instanceof io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter)
                && !(writer instanceof io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter)) {
            writer = formats.getPrometheusTextFormatWriter();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write metrics", e);
        }
        return new Scrape(writer.getContentType(), out.toByteArray());
    }

    public record Scrape(String contentType, byte[] body) {
        public Map<String, String> headers() {
            return Map.of("Content-Type", contentType);
        }
    }
}
