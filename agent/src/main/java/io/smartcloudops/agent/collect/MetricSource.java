package io.smartcloudops.agent.collect;

import java.time.Instant;
import java.util.List;

/**
 * Where host metrics come from. One implementation per kind of source; {@link Collector} calls
 * {@link #collect()} every interval and handles failures.
 */
public sealed interface MetricSource extends AutoCloseable
        permits LocalSource, PrometheusSource, NodeExporterSource, ReplaySource {

    /** The source as configured, e.g. {@code prometheus:http://127.0.0.1:9090}. */
    String spec();

    /** {@code local}, {@code prometheus}, {@code node-exporter} or {@code replay}. */
    String kind();

    /** The samples that are new since the previous call (one per host, or several for replay). */
    List<HostSample> collect() throws SourceException;

    /** History between two instants, if the source keeps any (Prometheus does); oldest first. */
    default List<HostSample> history(Instant from, Instant to) throws SourceException {
        return List.of();
    }

    @Override
    default void close() {
    }
}
