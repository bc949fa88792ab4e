package io.smartcloudops.agent.feedback;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.detect.AnomalyStore;
import io.smartcloudops.agent.detect.Feedback;
import io.smartcloudops.agent.detect.HostState;
import io.smartcloudops.agent.detect.OnlineDetector;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator verdicts on anomalies ({@code POST|DELETE /anomalies/{id}/feedback}). A verdict is written to the
 * audit log first (forced to disk; if that fails nothing changes), then put on the anomaly (the
 * {@link AnomalyStore}, so {@code /anomalies} and the chat see it), handed to the detector's feedback entry
 * point for the anomaly's host, metrics and time range, and published ({@code /events} {@code anomaly}).
 * At start the verdicts in force are read back from the audit log and put back on the anomalies; each is offered
 * to the detector once it scores the host again, which takes it if it still remembers that incident.
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
        Map<String, AnomalyFeedback> verdicts;
        try {
            verdicts = audit.replay(from);
        } catch (RuntimeException e) {
            LOG.error("cannot read verdicts back from the audit log: anomalies start without them: {}", e.getMessage());
            return;
        }
        int n = 0;
        for (Map.Entry<String, AnomalyFeedback> v : verdicts.entrySet()) {
            if (store.feedback(v.getKey(), v.getValue()).isPresent()) {
                untold.put(v.getKey(), v.getValue());
                n++;
            }
        }
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
        audit.given(found.get(), f);
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

    /**
     * Hands the verdict to the detector for the anomaly's host, metrics and range. Kept for later while the detector
     * does not score the host or none of those metrics yet (after a restart); dropped, with a log line, when the
     * detector refuses it (it no longer remembers that incident, e.g. one from before a restart).
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
        Instant from = a.start() != null ? a.start() : a.timestamp();
        Instant to = a.end() != null ? a.end() : a.timestamp();
        try {
            Feedback fb = detector.feedback(a.host(), metrics, from, to.isBefore(from) ? from : to, toDetector(f.verdict()),
                    clock.instant());
            told.put(a.id(), new Told(fb.id(), to));
        } catch (IllegalArgumentException e) {
            LOG.info("the detector did not take the verdict on anomaly {} (it stays on the anomaly): {}", a.id(), e.getMessage());
        }
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
