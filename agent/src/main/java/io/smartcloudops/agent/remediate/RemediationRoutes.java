package io.smartcloudops.agent.remediate;

import io.javalin.http.Context;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.JsonBody;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.http.UntrustedText;
import io.smartcloudops.api.remediation.Decision;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationList;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /remediations}, {@code GET /remediations[?state=]}, {@code GET /remediations/options},
 * {@code GET /remediations/{id}}, {@code POST /remediations/{id}/approve|reject}.
 */
public final class RemediationRoutes implements RouteGroup {

    /** Header that makes a POST safe to retry. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final RemediationService service;
    private final Clock clock;

    public RemediationRoutes(RemediationService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/remediations", Role.OPERATOR, JsonBody.required(RemediationRequest.class), this::create);
        routes.post("/remediations/preview", Role.OPERATOR, JsonBody.required(RemediationRequest.class),
                (ctx, request) -> {
                    RequestParams.of(ctx, clock);
                    ctx.json(mapped(() -> service.preview(request)));
                });
        routes.get("/remediations", Role.VIEWER, ctx -> {
            RequestParams p = RequestParams.of(ctx, clock, "state", "limit");
            Optional<RemediationState> state = p.string("state").map(s -> RemediationState.fromKey(s).orElseThrow(() ->
                    ApiException.badParameter("state", "unknown state '" + UntrustedText.printable(s) + "' (expected " + RemediationState.keys() + ")")));
            ctx.json(new RemediationList(service.list(state, p.integer("limit", 100, 1, 1000))));
        });
        routes.get("/remediations/options", Role.VIEWER, ctx -> {
            RequestParams.of(ctx, clock);
            ctx.json(service.options());
        });
        routes.get("/remediations/{id}", Role.VIEWER, ctx -> {
            RequestParams.of(ctx, clock);
            ctx.json(mapped(() -> service.find(id(ctx)).orElseThrow(() ->
                    new RemediationException.NotFound("no remediation " + ctx.pathParam("id")))));
        });
        JsonBody<Decision> decision = JsonBody.optional(Decision.class, () -> new Decision(null));
        routes.post("/remediations/{id}/approve", Role.OPERATOR, decision, (ctx, d) -> {
            RequestParams.of(ctx, clock);
            String why = reason(d);
            answer(ctx, mapped(() -> service.approve(id(ctx), ApiRoutes.principal(ctx).name(), why)));
        });
        routes.post("/remediations/{id}/reject", Role.OPERATOR, decision, (ctx, d) -> {
            RequestParams.of(ctx, clock);
            String why = reason(d);
            answer(ctx, mapped(() -> service.reject(id(ctx), ApiRoutes.principal(ctx).name(), why)));
        });
    }

    private void create(Context ctx, RemediationRequest request) {
        RequestParams.of(ctx, clock);
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key != null && !KEY.matcher(key).matches()) {
            throw ApiException.badParameter(IDEMPOTENCY_KEY, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : - (e.g. a UUID)");
        }
        if (key == null && !request.dryRun()) {
            throw ApiException.badParameter(IDEMPOTENCY_KEY, "header is required unless dry_run is true, so a retried "
                    + "request never runs twice (send a new UUID per button press)");
        }
        String actor = ApiRoutes.principal(ctx).name();
        answer(ctx, mapped(() -> service.submit(Submission.byOperator(request, actor, key))));
    }

    private static void answer(Context ctx, Remediation r) {
        ctx.header("Location", "/remediations/" + r.id());
        ctx.status(r.state().terminal() ? 200 : 202).json(r);
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw ApiException.notFound("no remediation " + UntrustedText.printable(id));
        }
        return id;
    }

    private static String reason(Decision d) {
        if (d.reason() != null && d.reason().length() > RequestValidator.MAX_REASON) {
            throw ApiException.badParameter("reason", "longer than " + RequestValidator.MAX_REASON + " characters");
        }
        return d.reason();
    }

    /** Runs a service call, turning its refusals into API errors. */
    static <T> T mapped(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RemediationException e) {
            throw toApi(e);
        }
    }

    static ApiException toApi(RemediationException e) {
        return switch (e) {
            case RemediationException.Invalid i -> ApiException.badParameter(i.field(),
                    i.getMessage().substring(i.field().length() + 2));
            case RemediationException.NotFound n -> ApiException.notFound(n.getMessage());
            case RemediationException.Conflict c -> new ApiException(409, "conflict", c.getMessage());
            case RemediationException.Blocked b -> new ApiException(
                    b.reason() == RemediationException.Blocked.Reason.RATE_LIMIT ? 429 : 409,
                    switch (b.reason()) {
                        case COOLDOWN -> "cooldown";
                        case RATE_LIMIT -> "rate limited";
                        case BREAKER -> "circuit breaker open";
                    },
                    b.getMessage(), Map.of("Retry-After", Long.toString(Math.max(1, b.retryIn().toSeconds()))));
            case RemediationException.AuditUnavailable a -> new ApiException(503, "audit log unavailable", a.getMessage());
            case RemediationException.Unavailable u -> new ApiException(503, "shared state unavailable", u.getMessage(),
                    Map.of("Retry-After", "5"));
        };
    }
}
