package io.smartcloudops.agent.alerts;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertList;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * {@code POST /webhooks/alertmanager}, {@code POST /webhooks/grafana} (role {@code webhook}: the senders'
 * token may do this and nothing else) and {@code GET /alerts?state=&host=&since=&limit=}.
 */
public final class AlertRoutes implements RouteGroup {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AlertIntake intake;
    private final UnaryOperator<Alert> marks;
    private final Predicate<String> knownHost;
    private final Clock clock;
    private final long maxBytes;

    /**
     * @param marks     adds the silence and acknowledgement of an alert
     * @param knownHost whether a host is known elsewhere (metrics, anomalies) for the {@code host} filter
     * @param maxBytes  {@code server.max_request_bytes}, named in the 413
     */
    public AlertRoutes(AlertIntake intake, UnaryOperator<Alert> marks, Predicate<String> knownHost, Clock clock,
                       long maxBytes) {
        this.intake = intake;
        this.marks = marks;
        this.knownHost = knownHost;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/webhooks/alertmanager", Role.WEBHOOK, ctx -> receive(ctx, AlertSource.ALERTMANAGER));
        routes.post("/webhooks/grafana", Role.WEBHOOK, ctx -> receive(ctx, AlertSource.GRAFANA));
        routes.get("/alerts", Role.VIEWER, ctx -> {
            RequestParams p = RequestParams.of(ctx, clock, "state", "host", "since", "limit");
            AlertState state = p.string("state").map(s -> AlertState.fromKey(s).orElseThrow(() ->
                    ApiException.badParameter("state", "unknown state '" + s + "' (expected firing or resolved)"))).orElse(null);
            String host = p.string("host").orElse(null);
            if (host != null && !intake.hasHost(host) && !knownHost.test(host)) {
                throw ApiException.badParameter("host", "unknown host '" + DisplayText.cut(host, 80) + "'");
            }
            Instant since = p.time("since").orElse(null);
            int limit = p.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            ctx.json(new AlertList(intake.query(limit, state, host, since).stream().map(a -> shown(marks.apply(a))).toList()));
        });
    }

    private void receive(Context ctx, AlertSource source) {
        RequestParams.of(ctx, clock);
        String body = body(ctx);
        try {
            ctx.json(intake.receive(source, WebhookPayloads.parse(source, body, clock)));
        } catch (IOException e) {
            throw new ApiException(503, "alert log unavailable", "cannot write the alert log (" + e.getMessage()
                    + "): nothing of this payload was kept; the sender retries", Map.of("Retry-After", "10"));
        }
    }

    private String body(Context ctx) {
        try {
            return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                throw new ApiException(413, "request too large", "body: larger than " + maxBytes
                        + " bytes (server.max_request_bytes); lower max_alerts in Alertmanager's webhook_config");
            }
            throw e;
        }
    }

    /** What {@code GET /alerts} shows: label and annotation values printable and cut at 1,024 characters. */
    public static Alert shown(Alert a) {
        return new Alert(a.id(), a.source(), a.fingerprint(), DisplayText.cut(a.name(), 256), a.host(), a.state(),
                DisplayText.cut(a.severity(), 64), DisplayText.cut(a.summary(), 500), shown(a.labels()),
                shown(a.annotations()), a.startsAt(), a.endsAt(), a.receivedAt(), a.updatedAt(),
                DisplayText.cut(a.generatorUrl(), 2048), a.silenced(), a.acknowledged());
    }

    private static Map<String, String> shown(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(DisplayText.cut(k, 256), DisplayText.cut(v, DisplayText.MAX_VALUE)));
        return out;
    }
}
