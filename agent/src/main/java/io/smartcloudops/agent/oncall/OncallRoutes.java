package io.smartcloudops.agent.oncall;

import io.javalin.http.Context;
import io.smartcloudops.agent.audit.AuditWriteException;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.JsonBody;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.oncall.AcknowledgeRequest;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceList;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.api.oncall.SilenceState;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code POST|GET /silences}, {@code DELETE /silences/{id}}, and {@code POST|DELETE /anomalies/{id}/acknowledge}
 * and {@code /alerts/{id}/acknowledge}. Changing anything needs an operator token; the token's name is the
 * audit log's actor and the acknowledgement's {@code by}.
 */
public final class OncallRoutes implements RouteGroup {

    private static final Pattern SILENCE_ID = Pattern.compile("sil-[0-9a-f]{16}");
    private static final Pattern FINDING_ID = Pattern.compile("(an|al)-[0-9a-z-]{1,64}");

    private final Oncall oncall;
    private final Function<String, Optional<Anomaly>> anomalies;
    private final Function<String, Optional<Alert>> alerts;
    private final Clock clock;

    public OncallRoutes(Oncall oncall, Function<String, Optional<Anomaly>> anomalies,
                        Function<String, Optional<Alert>> alerts, Clock clock) {
        this.oncall = oncall;
        this.anomalies = anomalies;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/silences", Role.OPERATOR, JsonBody.required(SilenceRequest.class), (ctx, request) -> {
            RequestParams.of(ctx, clock);
            Silence s = changing(() -> oncall.silence(request, ApiRoutes.principal(ctx).name()));
            ctx.header("Location", "/silences/" + s.id());
            ctx.status(201).json(s);
        });
        routes.get("/silences", Role.VIEWER, ctx -> {
            RequestParams p = RequestParams.of(ctx, clock, "state");
            String state = p.string("state").orElse("active");
            SilenceState filter = state.equals("all") ? null : SilenceState.fromKey(state).orElseThrow(() ->
                    ApiException.badParameter("state", "unknown state (expected " + SilenceState.keys() + " or all)"));
            ctx.json(new SilenceList(oncall.silences().list(filter)));
        });
        routes.delete("/silences/{id}", Role.OPERATOR, ctx -> {
            RequestParams.of(ctx, clock);
            String id = ctx.pathParam("id");
            if (!SILENCE_ID.matcher(id).matches()) {
                throw ApiException.notFound("no silence with that id (ids look like sil-0123456789abcdef)");
            }
            ctx.json(changing(() -> oncall.endSilence(id, ApiRoutes.principal(ctx).name()))
                    .orElseThrow(() -> ApiException.notFound("no silence " + id)));
        });
        JsonBody<AcknowledgeRequest> note = JsonBody.optional(AcknowledgeRequest.class, () -> new AcknowledgeRequest(null));
        routes.post("/anomalies/{id}/acknowledge", Role.OPERATOR, note,
                (ctx, body) -> ctx.json(oncall.mark(acknowledge(ctx, anomaly(ctx), body))));
        routes.delete("/anomalies/{id}/acknowledge", Role.OPERATOR, ctx -> ctx.json(oncall.mark(withdraw(ctx, anomaly(ctx)))));
        routes.post("/alerts/{id}/acknowledge", Role.OPERATOR, note,
                (ctx, body) -> ctx.json(oncall.mark(acknowledge(ctx, alert(ctx), body))));
        routes.delete("/alerts/{id}/acknowledge", Role.OPERATOR, ctx -> ctx.json(oncall.mark(withdraw(ctx, alert(ctx)))));
    }

    private Anomaly anomaly(Context ctx) {
        RequestParams.of(ctx, clock);
        String id = ctx.pathParam("id");
        return (FINDING_ID.matcher(id).matches() ? anomalies.apply(id) : Optional.<Anomaly>empty())
                .orElseThrow(() -> ApiException.notFound("no anomaly with that id in memory (GET /anomalies lists them)"));
    }

    private Alert alert(Context ctx) {
        RequestParams.of(ctx, clock);
        String id = ctx.pathParam("id");
        return (FINDING_ID.matcher(id).matches() ? alerts.apply(id) : Optional.<Alert>empty())
                .orElseThrow(() -> ApiException.notFound("no alert with that id in memory (GET /alerts lists them)"));
    }

    private <T> T acknowledge(Context ctx, T finding, AcknowledgeRequest body) {
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > Acknowledgements.MAX_NOTE) {
            throw ApiException.badParameter("note", "longer than " + Acknowledgements.MAX_NOTE + " characters");
        }
        if (note != null && note.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.badParameter("note", "contains control characters");
        }
        String actor = ApiRoutes.principal(ctx).name();
        changing(() -> switch (finding) {
            case Anomaly a -> oncall.acknowledge(FindingKind.ANOMALY, a.id(), a.host(), actor, note);
            case Alert a -> oncall.acknowledge(FindingKind.ALERT, a.id(), a.host(), actor, note);
            default -> throw new IllegalStateException();
        });
        return finding;
    }

    private <T> T withdraw(Context ctx, T finding) {
        String actor = ApiRoutes.principal(ctx).name();
        changing(() -> switch (finding) {
            case Anomaly a -> oncall.withdraw(FindingKind.ANOMALY, a.id(), a.host(), actor);
            case Alert a -> oncall.withdraw(FindingKind.ALERT, a.id(), a.host(), actor);
            default -> throw new IllegalStateException();
        });
        return finding;
    }

    @FunctionalInterface
    private interface Change<T> {
        T run() throws IOException;
    }

    private static <T> T changing(Change<T> change) {
        try {
            return change.run();
        } catch (AuditWriteException e) {
            throw new ApiException(503, "audit log unavailable", e.getMessage() + " — nothing was changed");
        } catch (IOException e) {
            throw new ApiException(503, "log directory unavailable", "cannot write under logs.dir (" + e.getMessage()
                    + ")");
        }
    }
}
