package io.smartcloudops.agent.feedback;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.detect.AnomalyStore;
import io.smartcloudops.agent.detect.Feedback;
import io.smartcloudops.agent.detect.HostState;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.agent.detect.VerdictPattern;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyFeedback;
import io.smartcloudops.api.anomaly.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator verdicts on anomalies ({@code POST|DELETE /anomalies/{id}/feedback}). A verdict is written to the
 * audit log first (forced to disk; if that fails nothing changes), then put on the anomaly (the
 * {@link AnomalyStore}, so {@code /anomalies} and the chat see it), handed to the detector's feedback entry
 * point for the anomaly's host, metrics and time range, and published ({@code /events} {@code anomaly}).
 * At start the verdicts in force are read back from the audit log and put back on the anomalies; each is offered
 * to the detector once it scores the host again, which takes it if it still remembers that incident, or else acts
 * on the pattern the audit record kept with it (a host learned again: its state refused, damaged or not kept).
 */
public final class FeedbackService {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    /** What the detector was told about one anomaly, so it can be taken back or told again with the final range. */
    private record Told(String feedbackId, Instant to) {
    }

    private final AnomalyStore store;
    private final OnlineDetector detector;
    private final FeedbackAudit audit;
    private final EventBus bus;
    private final Clock clock;
    private final Counter given;
    private final Map<String, Told> told = new HashMap<>();
    /** Verdicts the detector has not been told yet (its host unknown to it since a restart), by anomaly id. */
    private final Map<String, AnomalyFeedback> untold = new LinkedHashMap<>();
    /**
     * What each anomaly with a verdict flagged (kept with its verdicts in the audit log), by anomaly id, for a detector
     * that learned the host again; it describes the anomaly, so it outlives a verdict taken back.
     */
    private final Map<String, VerdictPattern> patterns = new HashMap<>();
    /** Hosts with verdicts in the audit log whose restored detector state has not been compared with them yet. */
    private final Set<String> unreconciled = new LinkedHashSet<>();

    public FeedbackService(AnomalyStore store, OnlineDetector detector, AuditLog auditLog, EventBus bus,
                           PrometheusRegistry registry, Clock clock) {
        this.store = store;
        this.detector = detector;
        this.audit = new FeedbackAudit(auditLog);
        this.bus = bus;
        this.clock = clock;
        this.given = Counter.builder().name("smartcloudops_anomaly_feedback_total")
                .help("Operator verdicts given on anomalies, by verdict").labelNames("verdict").register(registry);
        for (Verdict v : Verdict.values()) {
            given.labelValues(v.key());
        }
        bus.subscribe(SamplesCollected.class, batch -> tellWhatIsUntold());
        bus.subscribe(Anomaly.class, this::onAnomalyChanged);
    }

    /** Puts the verdicts in force back on the reloaded anomalies (from the audit log's days from {@code from} on). */
    public synchronized void restore(LocalDate from) {
        FeedbackAudit.Replayed replayed;
        try {
            replayed = audit.replay(from);
        } catch (RuntimeException e) {
            LOG.error("cannot read verdicts back from the audit log: anomalies start without them: {}", e.getMessage());
            return;
        }
        int n = 0;
        for (Map.Entry<String, AnomalyFeedback> v : replayed.inForce().entrySet()) {
            if (store.feedback(v.getKey(), v.getValue()).isPresent()) {
                untold.put(v.getKey(), v.getValue());
                n++;
            }
        }
        patterns.putAll(replayed.patterns());
        unreconciled.addAll(replayed.hosts());
        if (n > 0) {
            LOG.info("{} verdict(s) on anomalies restored from the audit log", n);
        }
    }

    /**
     * Gives {@code verdict} on anomaly {@code id} (replacing the one in force); empty when no such anomaly is held.
     *
     * @throws io.smartcloudops.agent.audit.AuditWriteException when the audit log cannot be written: nothing changed
     */
    public synchronized Optional<Anomaly> give(String id, Verdict verdict, String note, String actor) {
        Optional<Anomaly> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AnomalyFeedback f = new AnomalyFeedback(verdict, note, actor, clock.instant());
        // what the anomaly flagged: from the detector while it remembers it, else as kept with an earlier verdict on it
        Optional<VerdictPattern> pattern = detector.verdictPattern(found.get().host(), metricsOf(found.get()), from(found.get()),
                to(found.get())).or(() -> Optional.ofNullable(patterns.get(id)));
        audit.given(found.get(), f, pattern);
        pattern.ifPresent(p -> patterns.put(id, p));
        reconcileFirst(found.get().host());
        Anomaly a = store.feedback(id, f).orElse(found.get().withFeedback(f));
        untellDetector(id);
        tellDetector(a, f);
        given.labelValues(verdict.key()).inc();
        LOG.info("anomaly {} on {} marked {} by {}", id, a.host(), verdict.key(), actor);
        bus.publish(new VerdictChanged(a));
        return Optional.of(a);
    }

    /**
     * Takes the verdict on anomaly {@code id} back. Empty when no such anomaly is held; the anomaly unchanged
     * when it had no verdict ({@link Anomaly#feedback()} absent).
     *
     * @throws io.smartcloudops.agent.audit.AuditWriteException when the audit log cannot be written: nothing changed
     */
    public synchronized Optional<Anomaly> undo(String id, String actor) {
        Optional<Anomaly> found = store.find(id);
        if (found.isEmpty() || found.get().feedback() == null) {
            return found;
        }
        audit.undone(found.get(), found.get().feedback(), actor, clock.instant());
        reconcileFirst(found.get().host());
        Anomaly a = store.feedback(id, null).orElse(found.get().withFeedback(null));
        untellDetector(id);
        untold.remove(id);
        LOG.info("verdict on anomaly {} on {} taken back by {}", id, a.host(), actor);
        bus.publish(new VerdictChanged(a));
        return Optional.of(a);
    }

    /** An incident with a verdict that ends: the detector is told again, with the whole range it flagged. */
    private synchronized void onAnomalyChanged(Anomaly a) {
        Told t = told.get(a.id());
        if (t == null || a.end() == null || !a.end().isAfter(t.to())) {
            return;
        }
        Anomaly current = store.current(a);
        if (current.feedback() != null) {
            untellDetector(a.id());
            tellDetector(current, current.feedback());
        }
    }

    private synchronized void tellWhatIsUntold() {
        if (!unreconciled.isEmpty()) {
            for (String host : List.copyOf(unreconciled)) {
                if (detector.state(host).isPresent()) {
                    unreconciled.remove(host);
                    reconcile(host);
                }
            }
        }
        if (untold.isEmpty()) {
            return;
        }
        for (var e : List.copyOf(untold.entrySet())) {
            Optional<Anomaly> a = store.find(e.getKey());
            untold.remove(e.getKey());
            if (a.isPresent()) {
                tellDetector(a.get(), e.getValue());   // puts it back when the detector still cannot take it
            }
        }
    }

    /** Before a verdict on a host changes: the detector's restored verdicts of that host are matched first. */
    private void reconcileFirst(String host) {
        if (unreconciled.contains(host) && detector.state(host).isPresent()) {
            unreconciled.remove(host);
            reconcile(host);
        }
    }

    /**
     * The detector saves its verdicts with its state and restores them after a restart, under ids this service
     * no longer knows. Each restored verdict is matched to its anomaly (host and start): kept (and known again,
     * so a later DELETE takes it back) when the audit log has the same verdict in force on that anomaly, taken
     * back when the log says it was withdrawn or replaced since the state was saved.
     */
    private void reconcile(String host) {
        List<Anomaly> anomalies = store.query(Integer.MAX_VALUE, null, host);
        for (Feedback f : detector.feedback(host)) {
            // the detector saves times to the millisecond
            Optional<Anomaly> a = anomalies.stream().filter(x -> f.from().toEpochMilli()
                    == (x.start() != null ? x.start() : x.timestamp()).toEpochMilli()).findFirst();
            if (a.isEmpty()) {
                continue;   // an anomaly no longer held: nothing says otherwise
            }
            AnomalyFeedback inForce = a.get().feedback();
            if (inForce != null && toDetector(inForce.verdict()) == f.verdict()) {
                told.put(a.get().id(), new Told(f.id(), f.to()));
                untold.remove(a.get().id());
            } else {
                detector.undoFeedback(f.id());
                LOG.info("verdict {} on anomaly {} restored by the detector was taken back since: undone there too", f.verdict().key(),
                        a.get().id());
            }
        }
    }

    /**
     * Hands the verdict to the detector for the anomaly's host, metrics and range. Kept for later while the detector
     * does not score the host or none of those metrics yet (after a restart). A detector that no longer remembers the
     * incident (it learned the host again) acts on the pattern kept with the verdict; without one the verdict is
     * dropped for the detector, with a log line (it stays on the anomaly).
     */
    private void tellDetector(Anomaly a, AnomalyFeedback f) {
        Optional<HostState> state = detector.state(a.host());
        if (state.isEmpty() || state.get().phase() != HostState.Phase.SCORING) {
            untold.put(a.id(), f);
            return;
        }
        List<Metric> metrics = a.metrics().stream().map(Metric::fromKey).flatMap(Optional::stream)
                .filter(m -> state.get().metrics().stream().anyMatch(s -> s.metric() == m))
                .toList();
        if (metrics.isEmpty()) {
            untold.put(a.id(), f);
            return;
        }
        Instant from = from(a);
        Instant to = to(a);
        try {
            Feedback fb = detector.feedback(a.host(), metrics, from, to, toDetector(f.verdict()), clock.instant(), patterns.get(a.id()));
            told.put(a.id(), new Told(fb.id(), to));
            if (fb.pattern() != null) {
                patterns.put(a.id(), fb.pattern());
            }
        } catch (IllegalArgumentException e) {
            LOG.info("the detector did not take the verdict on anomaly {} (it stays on the anomaly): {}", a.id(), e.getMessage());
        }
    }

    private static List<Metric> metricsOf(Anomaly a) {
        return a.metrics().stream().map(Metric::fromKey).flatMap(Optional::stream).toList();
    }

    private static Instant from(Anomaly a) {
        return a.start() != null ? a.start() : a.timestamp();
    }

    /** The anomaly's end, or its raise time while open (never before its start). */
    private static Instant to(Anomaly a) {
        Instant to = a.end() != null ? a.end() : a.timestamp();
        return to.isBefore(from(a)) ? from(a) : to;
    }

    private void untellDetector(String id) {
        Told t = told.remove(id);
        if (t != null) {
            detector.undoFeedback(t.feedbackId());
        }
    }

    private static io.smartcloudops.agent.detect.Verdict toDetector(Verdict v) {
        return switch (v) {
            case FALSE_ALARM -> io.smartcloudops.agent.detect.Verdict.FALSE_ALARM;
            case CONFIRMED -> io.smartcloudops.agent.detect.Verdict.CONFIRMED;
        };
    }

    /** Verdicts given since start or restored, still waiting for the detector to know their host (for tests and /status). */
    public synchronized int untoldCount() {
        return untold.size();
    }
}
