package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.agent.http.UntrustedText;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditRecordList;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code GET /logs?since=&until=&action=&instance=&result=&event=&limit=}: the audit log read back, newest first. */
public final class AuditRoutes implements RouteGroup {

    static final Set<String> ACTIONS = Arrays.stream(ActionType.values()).map(ActionType::key).collect(Collectors.toSet());
    static final Set<String> RESULTS = Arrays.stream(AuditResult.values()).map(AuditResult::key).collect(Collectors.toSet());
    static final Set<String> EVENTS = Arrays.stream(AuditEvent.values()).map(AuditEvent::key).collect(Collectors.toSet());
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
            Optional<ActionType> action = oneOf(p, "action", ACTIONS).flatMap(ActionType::fromKey);
            Optional<AuditResult> result = oneOf(p, "result", RESULTS).flatMap(AuditResult::fromKey);
            Optional<AuditEvent> event = oneOf(p, "event", EVENTS).flatMap(AuditEvent::fromKey);
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
                        || action.isPresent() && action.get() != r.action()
                        || result.isPresent() && result.get() != r.result()
                        || event.isPresent() && event.get() != r.event()
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
            throw ApiException.badParameter(name, "unknown " + name + " '" + UntrustedText.printable(v.get()) + "' (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
        return v;
    }
}
