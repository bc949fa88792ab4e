package io.smartcloudops.agent.oncall;

import io.smartcloudops.agent.lifecycle.Shutdown;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.Acknowledgement;
import io.smartcloudops.api.oncall.SilenceRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the on-call engineer does about findings: silences (snooze) and acknowledgements, both audited and kept
 * on disk. Adds their marks to anomalies and alerts ({@code silenced}, {@code acknowledged}) wherever those are
 * shown, and tells rules and notifications whether a silence holds.
 */
public final class Oncall implements AutoCloseable {

    /** How often silences that ran out are looked for (their end is exact regardless: this only announces it). */
    static final Duration EXPIRY_CHECK = Duration.ofSeconds(5);

    private final Silences silences;
    private final Acknowledgements acknowledgements;
    private final SilenceRequests requests;
    private final ScheduledExecutorService expiry;

    public Oncall(Path logsDir, int retentionDays, AuditLog auditLog, EventBus bus, Clock clock, Supplier<Set<String>> ruleNames) {
        OncallAudit audit = new OncallAudit(auditLog);
        this.silences = new Silences(logsDir, retentionDays, audit, bus, clock);
        this.acknowledgements = new Acknowledgements(logsDir, retentionDays, audit, bus, clock);
        this.requests = new SilenceRequests(ruleNames);
        silences.reload();
        acknowledgements.reload();
        this.expiry = Shutdown.timer("silence-expiry");
        expiry.scheduleWithFixedDelay(silences::expire, EXPIRY_CHECK.toMillis(), EXPIRY_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Silences silences() {
        return silences;
    }

    public Acknowledgements acknowledgements() {
        return acknowledgements;
    }

    /**
     * Creates a silence for an operator (audited).
     *
     * @throws io.smartcloudops.agent.http.ApiException 400 naming the field when the request is wrong
     * @throws io.smartcloudops.agent.audit.AuditWriteException when the audit record cannot be written (nothing changed)
     */
    public Silence silence(SilenceRequest request, String actor) throws IOException {
        return silences.create(requests.check(request), actor);
    }

    /** Ends a silence now (audited); empty when there is no such silence. */
    public Optional<Silence> endSilence(String id, String actor) throws IOException {
        return silences.delete(id, actor);
    }

    /** Acknowledges an anomaly or alert (audited); the first acknowledgement stays. */
    public Acknowledgement acknowledge(FindingKind kind, String id, String host, String actor, String note) throws IOException {
        return acknowledgements.acknowledge(kind, id, host, actor, note);
    }

    /** Withdraws an acknowledgement (audited); false when there was none. */
    public boolean withdraw(FindingKind kind, String id, String host, String actor) throws IOException {
        return acknowledgements.withdraw(kind, id, host, actor);
    }

    public Anomaly mark(Anomaly a) {
        return a.marked(silences.during(Finding.of(a)).map(Silence::id).orElse(null),
                acknowledgements.find(FindingKind.ANOMALY, a.id()).orElse(null));
    }

    public Alert mark(Alert a) {
        return a.marked(silences.during(Finding.of(a)).map(Silence::id).orElse(null),
                acknowledgements.find(FindingKind.ALERT, a.id()).orElse(null));
    }

    /** For {@code /status}: the silences holding now. */
    public Map<String, Object> status() {
        List<Map<String, Object>> active = new ArrayList<>();
        for (Silence s : silences.active()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("matches", Silences.describe(s));
            m.put("until", s.endsAt());
            m.put("by", s.createdBy());
            active.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active_silences", active.size());
        out.put("silences", active);
        return out;
    }

    @Override
    public void close() {
        Shutdown.finish(expiry, "the silence expiry");  // an expiry in progress writes the audit log and the silences
        silences.close();
        acknowledgements.close();
    }
}
