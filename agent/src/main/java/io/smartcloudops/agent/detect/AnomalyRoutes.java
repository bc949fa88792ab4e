package io.smartcloudops.agent.detect;

import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.anomaly.AnomalyList;
import java.time.Clock;
import java.time.Instant;

/** {@code GET /anomalies?limit=&since=&host=}: recent anomalies, newest first. */
public final class AnomalyRoutes implements RouteGroup {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AnomalyStore anomalies;
    private final SeriesStore series;
    private final Clock clock;
    private final java.util.function.UnaryOperator<io.smartcloudops.api.anomaly.Anomaly> marks;

    public AnomalyRoutes(AnomalyStore anomalies, SeriesStore series, Clock clock) {
        this(anomalies, series, clock, java.util.function.UnaryOperator.identity());
    }

    /** @param marks adds what people and silences did about an anomaly (acknowledged, silenced) */
    public AnomalyRoutes(AnomalyStore anomalies, SeriesStore series, Clock clock,
                         java.util.function.UnaryOperator<io.smartcloudops.api.anomaly.Anomaly> marks) {
        this.anomalies = anomalies;
        this.series = series;
        this.clock = clock;
        this.marks = marks;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/anomalies", Role.VIEWER, ctx -> {
            RequestParams p = RequestParams.of(ctx, clock, "limit", "since", "host");
            int limit = p.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            Instant since = p.time("since").orElse(null);
            String host = p.string("host").orElse(null);
            if (host != null && !series.hasHost(host) && !anomalies.hasHost(host)) {
                throw ApiException.badParameter("host", "unknown host '" + host + "' (known: " + String.join(", ", series.hosts()) + ")");
            }
            ctx.json(new AnomalyList(anomalies.query(limit, since, host).stream().map(marks).toList()));
        });
    }
}
