package io.smartcloudops.agent.feedback;

import io.javalin.http.Context;
import io.smartcloudops.agent.audit.AuditWriteException;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.JsonBody;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.http.UntrustedText;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.FeedbackRequest;
import io.smartcloudops.api.anomaly.Verdict;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** {@code POST /anomalies/{id}/feedback} (a verdict) and {@code DELETE /anomalies/{id}/feedback} (taking it back). */
public final class FeedbackRoutes implements RouteGroup {

    static final int MAX_NOTE = 500;
    /** Anomaly ids as the detector makes them: {@code an-<raise ms base 36>-<8 hex>}. */
    private static final Pattern ID = Pattern.compile("an-[0-9a-z]{1,13}-[0-9a-f]{8}");

    private final FeedbackService service;
    private final Clock clock;

    public FeedbackRoutes(FeedbackService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/anomalies/{id}/feedback", Role.OPERATOR, JsonBody.required(FeedbackRequest.class), (ctx, body) -> {
            RequestParams.of(ctx, clock);
            String id = id(ctx);
            Verdict verdict = verdict(body);
            String note = note(body);
            ctx.json(found(id, audited(() -> service.give(id, verdict, note, ApiRoutes.principal(ctx).name()))));
        });
        routes.delete("/anomalies/{id}/feedback", Role.OPERATOR, ctx -> {
            RequestParams.of(ctx, clock);
            String id = id(ctx);
            Anomaly a = found(id, audited(() -> service.undo(id, ApiRoutes.principal(ctx).name())));
            ctx.json(a);
        });
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw ApiException.notFound("no anomaly " + printable(id));
        }
        return id;
    }

    private static Anomaly found(String id, Optional<Anomaly> a) {
        return a.orElseThrow(() -> ApiException.notFound("no anomaly " + id + " (the agent keeps the most recent ones: GET /anomalies)"));
    }

    private static Optional<Anomaly> audited(Supplier<Optional<Anomaly>> call) {
        try {
            return call.get();
        } catch (AuditWriteException e) {
            throw new ApiException(503, "audit log unavailable", "the verdict was not recorded: " + e.getMessage());
        }
    }

    private static Verdict verdict(FeedbackRequest body) {
        if (body.verdict() == null || body.verdict().isBlank()) {
            throw ApiException.badParameter("verdict", "required (" + Verdict.keys() + ")");
        }
        return Verdict.parse(body.verdict()).orElseThrow(() -> ApiException.badParameter("verdict",
                "unknown verdict '" + printable(body.verdict()) + "' (expected " + Verdict.keys() + ")"));
    }

    private static String note(FeedbackRequest body) {
        String note = body.note() == null ? "" : body.note().strip();
        if (note.length() > MAX_NOTE) {
            throw ApiException.badParameter("note", "longer than " + MAX_NOTE + " characters");
        }
        if (note.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || c == 0x2028 || c == 0x2029)) {
            throw ApiException.badParameter("note", "contains control or invisible formatting characters");
        }
        return note.isEmpty() ? null : note;
    }

    private static String printable(String s) {
        return UntrustedText.printable(s);
    }
}
