package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditRecordList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code GET /logs?since=&until=&action=&instance=&result=&event=&limit=}: the audit log read back, newest first. */
public final class AuditRoutes implements RouteGroup {

    static final Set<String> ACTIONS = Set.of("restart_service", "scale_up", "notify");
    static final Set<String> RESULTS = Set.of("pending", "approved", "rejected", "expired", "refused", "running",
            "success", "failure", "dry_run", "effective", "ineffective", "open", "closed", "false_alarm", "confirmed");
    static final Set<String> EVENTS = Set.of("proposed", "approved", "rejected", "expired", "refused", "started",
            "finished", "verified", "breaker_opened", "breaker_closed", "feedback", "feedback_undone");
    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    private final AuditLog log;
    private final Clock clock;

    public AuditRoutes(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/logs", Role.VIEWER, ctx -> {
            RequestParams p = RequestParams.of(ctx, clock, "since", "until", "action", "instance", "result", "event", "limit");
            Instant until = p.time("until").orElse(clock.instant());
            Instant since = p.time("since").orElse(until.minus(DEFAULT_RANGE));
            if (since.isAfter(until)) {
                throw ApiException.badParameter("since", "is after until (" + since + " > " + until + ")");
            }
            Optional<String> action = oneOf(p, "action", ACTIONS);
            Optional<String> result = oneOf(p, "result", RESULTS);
            Optional<String> event = oneOf(p, "event", EVENTS);
            Optional<String> instance = p.string("instance");
            int limit = p.integer("limit", 100, 1, 10_000);
            List<AuditRecord> all;
            try {
                all = log.read(since.atZone(ZoneOffset.UTC).toLocalDate(), until.atZone(ZoneOffset.UTC).toLocalDate());
            } catch (AuditWriteException e) {
                throw new ApiException(503, "audit log unavailable", e.getMessage());
            }
            List<AuditRecord> out = new ArrayList<>();
            boolean truncated = false;
            for (int i = all.size() - 1; i >= 0; i--) {
                AuditRecord r = all.get(i);
                if (r.timestamp().isBefore(since) || r.timestamp().isAfter(until)
                        || action.isPresent() && !action.get().equals(r.action())
                        || result.isPresent() && !result.get().equals(r.result())
                        || event.isPresent() && !event.get().equals(r.event())
                        || instance.isPresent() && !instance.get().equals(r.instance()) && !instance.get().equals(r.instanceId())) {
                    continue;
                }
                if (out.size() == limit) {
                    truncated = true;
                    break;
                }
                out.add(r);
            }
            ctx.json(new AuditRecordList(out, truncated));
        });
    }

    private static Optional<String> oneOf(RequestParams p, String name, Set<String> allowed) {
        Optional<String> v = p.string(name);
        if (v.isPresent() && !allowed.contains(v.get())) {
            throw ApiException.badParameter(name, "unknown " + name + " '" + v.get() + "' (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
        return v;
    }
}
