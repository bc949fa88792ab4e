package io.smartcloudops.agent.http;

import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.metrics.AgentMetrics;
import io.smartcloudops.agent.status.StatusService;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.events.SampleEvent;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.status.SourceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /healthz}, {@code /status}, {@code /series}, {@code /events}, {@code /metrics}, {@code /openapi.yaml}. */
public final class CoreRoutes implements RouteGroup {

    private static final Duration DEFAULT_SERIES_RANGE = Duration.ofHours(1);

    private final StatusService status;
    private final SeriesStore store;
    private final AgentMetrics metrics;
    private final EventStream events;
    private final Clock clock;
    private final boolean metricsRequireToken;
    private final byte[] openApi;

    public CoreRoutes(StatusService status, SeriesStore store, AgentMetrics metrics, EventStream events, Clock clock,
                      boolean metricsRequireToken) {
        this.status = status;
        this.store = store;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
        this.metricsRequireToken = metricsRequireToken;
        this.openApi = loadOpenApi();
        events.forwardEach(SamplesCollected.class, EventTypes.SAMPLE, batch -> batch.history() ? List.of()
                : batch.samples().stream().map(CoreRoutes::toEvent).toList());
        events.forward(SourceStatus.class, EventTypes.SOURCE, s -> s);
    }

    private static SampleEvent toEvent(HostSample s) {
        return new SampleEvent(s.host(), s.timestamp(), s.valuesByKey());
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = CoreRoutes.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml missing from the agent jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.yaml", e);
        }
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.open("/healthz", ctx -> {
            RequestParams.of(ctx, clock);
            ctx.json(Map.of("status", "ok", "version", status.version()));
        });
        routes.get("/status", Role.VIEWER, ctx -> {
            RequestParams.of(ctx, clock);
            ctx.contentType("application/json").result(status.json());
        });
        routes.get("/series", Role.VIEWER, ctx -> {
            RequestParams p = RequestParams.of(ctx, clock, "host", "metric", "since");
            String host = p.required("host", "known hosts: " + String.join(", ", store.hosts()));
            if (!store.hasHost(host)) {
                throw ApiException.badParameter("host", "unknown host '" + UntrustedText.printable(host) + "' (known: "
                        + String.join(", ", store.hosts()) + ")");
            }
            String metricKey = p.required("metric", metricKeys());
            Metric metric = Metric.fromKey(metricKey).orElseThrow(() ->
                    ApiException.badParameter("metric", "unknown metric '" + UntrustedText.printable(metricKey) + "' (known: " + metricKeys() + ")"));
            Instant since = p.time("since").orElse(clock.instant().minus(DEFAULT_SERIES_RANGE));
            ctx.json(new Series(host, metric.key(), metric.unit(), since, store.series(host, metric, since)));
        });
        routes.sse("/events", Role.VIEWER, events::accept);
        if (metricsRequireToken) {
            routes.get("/metrics", Role.VIEWER, this::metrics);
        } else {
            routes.open("/metrics", this::metrics);
        }
        routes.open("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
    }

    private void metrics(io.javalin.http.Context ctx) {
        RequestParams.of(ctx, clock, "name[]");
        AgentMetrics.Scrape scrape = metrics.scrape(ctx.header("Accept"));
        ctx.contentType(scrape.contentType()).result(scrape.body());
    }

    private static String metricKeys() {
        return Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", "));
    }
}
