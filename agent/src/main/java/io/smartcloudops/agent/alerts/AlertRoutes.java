package io.smartcloudops.agent.alerts;

import io.javalin.http.Context;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.JsonBody;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.http.UntrustedText;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertList;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import java.io.IOException;
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

    /**
     * @param marks     adds the silence and acknowledgement of an alert
     * @param knownHost whether a host is known elsewhere (metrics, anomalies) for the {@code host} filter
     */
    public AlertRoutes(AlertIntake intake, UnaryOperator<Alert> marks, Predicate<String> knownHost, Clock clock) {
        this.intake = intake;
        this.marks = marks;
        this.knownHost = knownHost;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/webhooks/alertmanager", Role.WEBHOOK, JsonBody.required(WebhookBody.class),
                (ctx, body) -> receive(ctx, AlertSource.ALERTMANAGER, body));
        routes.post("/webhooks/grafana", Role.WEBHOOK, JsonBody.required(WebhookBody.class),
                (ctx, body) -> receive(ctx, AlertSource.GRAFANA, body));
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

    private void receive(Context ctx, AlertSource source, WebhookBody body) {
        RequestParams.of(ctx, clock);
        try {
            ctx.json(intake.receive(source, WebhookPayloads.parse(source, body, clock)));
        } catch (AlertIntake.UnstorableAlert e) {
            throw ApiException.badParameter("alerts", UntrustedText.printable(e.getMessage()));
        } catch (IOException e) {
            throw new ApiException(503, "alert log unavailable", "cannot write the alert log (" + e.getMessage()
                    + "): nothing of this payload was kept; the sender retries", Map.of("Retry-After", "10"));
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
