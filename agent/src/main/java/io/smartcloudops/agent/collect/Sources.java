package io.smartcloudops.agent.collect;

import io.smartcloudops.agent.config.SourceConfig;
import io.smartcloudops.agent.config.SourceSpec;
import java.time.Clock;

/** Builds the {@link MetricSource} a {@link SourceSpec} names. */
public final class Sources {

    private Sources() {
    }

    public static MetricSource create(SourceSpec spec, SourceConfig config, Clock clock) throws SourceException {
        return switch (spec) {
            case SourceSpec.Local l -> new LocalSource(clock);
            case SourceSpec.Prometheus p -> new PrometheusSource(p.text(), new PrometheusClient(p.url(), config.timeout()),
                    clock, config.rateWindow(), config.interval());
            case SourceSpec.NodeExporter n -> new NodeExporterSource(n.text(), n.urls(), config.timeout(), clock);
            case SourceSpec.Replay r -> new ReplaySource(r, clock);
        };
    }
}
