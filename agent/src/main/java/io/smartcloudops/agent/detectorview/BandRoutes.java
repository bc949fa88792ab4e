package io.smartcloudops.agent.detectorview;

import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.BandHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code GET /series/band?host=&metric=&since=}: the band the detector expected, for a chart to draw behind the series. */
public final class BandRoutes implements RouteGroup {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    private final BandRecorder bands;
    private final SeriesStore store;
    private final Clock clock;

    public BandRoutes(BandRecorder bands, SeriesStore store, Clock clock) {
        this.bands = bands;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/series/band", Role.VIEWER, ctx -> {
            RequestParams p = RequestParams.of(ctx, clock, "host", "metric", "since");
            String host = p.required("host", "known hosts: " + String.join(", ", store.hosts()));
            if (!store.hasHost(host) && !bands.hasHost(host)) {
                throw ApiException.badParameter("host", "unknown host '" + host + "' (known: " + String.join(", ", store.hosts()) + ")");
            }
            String key = p.required("metric", metricKeys());
            Metric metric = Metric.fromKey(key).orElseThrow(() ->
                    ApiException.badParameter("metric", "unknown metric '" + key + "' (known: " + metricKeys() + ")"));
            Instant since = p.time("since").orElse(clock.instant().minus(DEFAULT_RANGE));
            ctx.json(new BandHistory(host, metric.key(), metric.unit(), since, bands.history(host, metric, since)));
        });
    }

    private static String metricKeys() {
        return Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", "));
    }
}
