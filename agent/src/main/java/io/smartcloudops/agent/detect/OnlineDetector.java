package io.smartcloudops.agent.detect;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.events.SamplesCollected;
import io.smartcloudops.agent.status.HostDetectorState;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector inside the agent. Every host gets a {@link SeriesDetector}: hosts the model was trained on
 * are scored from their first sample; others learn on their first {@code minSamples} samples (back-filled
 * history counts) and are scored after. Live samples are scored one by one; an incident becomes one
 * {@link Anomaly} record: appended to the anomaly log (forced to disk) first, then kept in memory for
 * {@code /anomalies}, published on the bus ({@code /events}, rules) and counted in {@code /metrics}, when it
 * is raised, when its score or severity grows, and when it ends.
 */
public final class OnlineDetector implements HostDetectorState, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineDetector.class);

    /**
     * Where the model came from, for /status.
     *
     * @param card the essentials of its model.json (parameters, thresholds, evaluation figures); empty when none
     */
    public record ModelSource(String path, String sha256, String note, Map<String, Object> card) {
        public ModelSource {
            card = card == null ? Map.of() : Map.copyOf(card);
        }
    }

    private final class HostTrack {
        final String host;
        SeriesDetector detector;
        final List<HostSample> learning = new ArrayList<>();
        Instant last;
        double score = Double.NaN;
        final ArrayDeque<Instant> recent = new ArrayDeque<>();
        Anomaly open;
        Instant lastAnomalous;
        double[] lastValues;
        Instant lastScored;
        final List<Feedback> feedback = new ArrayList<>();

        HostTrack(String host) {
            this.host = host;
        }

        boolean scoring() {
            return detector != null && detector.scoring();
        }
    }

    /**
     * Fitting a host's model costs tens of milliseconds, and a fleet that starts together reaches
     * {@code min_samples} in the same collection: 1,000 hosts fitted in one batch took 14 s on 2 cores, and
     * every sample of the fleet was scored three intervals late (bench/fleet). At most this much fitting per
     * batch; a host over the budget learns one more sample and fits in a later batch.
     */
    static final Duration FIT_BUDGET = Duration.ofMillis(500);

    private final long fitBudgetNanos;
    private final DetectorModel model;
    private final ModelSource source;
    private final int minSamples;
    private final AnomalyLog log;
    private final AnomalyStore store;
    private final EventBus bus;
    private final Counter raised;
    private final Map<String, HostTrack> hosts = new TreeMap<>();
    private final AutoCloseable subscription;
    private long feedbackCount;

    public OnlineDetector(DetectorModel model, ModelSource source, int minSamples, AnomalyLog log, AnomalyStore store,
                          EventBus bus, PrometheusRegistry registry) {
        this(model, source, minSamples, log, store, bus, registry, FIT_BUDGET);
    }

    OnlineDetector(DetectorModel model, ModelSource source, int minSamples, AnomalyLog log, AnomalyStore store,
                   EventBus bus, PrometheusRegistry registry, Duration fitBudget) {
        this.fitBudgetNanos = fitBudget.toNanos();
        this.model = model;
        this.source = source;
        this.minSamples = minSamples;
        this.log = log;
        this.store = store;
        this.bus = bus;
        this.raised = Counter.builder().name("smartcloudops_anomalies_total")
                .help("Anomalies raised, by severity at the time they were raised").labelNames("severity").register(registry);
        for (Severity s : Severity.values()) {
            raised.labelValues(s.key());
        }
        GaugeWithCallback.builder().name("smartcloudops_anomaly_score")
                .help("Latest anomaly score per host being scored (0..1, 0.5 = alarm threshold)").labelNames("host")
                .callback(cb -> scores().forEach((h, v) -> cb.call(v, h))).register(registry);
        this.subscription = bus.subscribe(SamplesCollected.class, this::onSamples);
    }

    /** Loads the anomalies of the log files (from {@code from}, all when null) into memory. */
    public void reload(LocalDate from) throws IOException {
        int n = 0;
        for (Anomaly a : log.read(from)) {
            // an incident still open when the agent stopped cannot be followed any more: shown as ended
            store.put(a.end() == null ? AnomalyRecords.ended(a, a.timestamp()) : a);
            n++;
        }
        if (n > 0) {
            LOG.info("reloaded {} anomalies from {}", n, log.dir());
        }
    }

    public AnomalyStore store() {
        return store;
    }

    public DetectorModel model() {
        return model;
    }

    void onSamples(SamplesCollected batch) {
        List<Anomaly> toPublish = new ArrayList<>();
        synchronized (this) {
            long fitting = 0;
            for (HostSample s : batch.samples()) {
                HostTrack t = hosts.computeIfAbsent(s.host(), this::track);
                if (t.last != null && !s.timestamp().isAfter(t.last)) {
                    continue;
                }
                try {
                    if (!t.scoring()) {
                        t.last = s.timestamp();
                        fitting += learn(t, s, fitting < fitBudgetNanos);
                    } else if (!batch.history()) {
                        t.last = s.timestamp();
                        score(t, s, toPublish);
                    }
                    // history for a host already scoring (a gap being back-filled) is not scored: it is the past
                } catch (RuntimeException e) {
                    // one host's bad data must not stop the others; it starts learning afresh
                    LOG.error("detector failed on host {}: the host learns again", s.host(), e);
                    hosts.put(s.host(), new HostTrack(s.host()));
                }
            }
        }
        for (Anomaly a : toPublish) {
            bus.publish(a);
        }
    }

    private HostTrack track(String host) {
        HostTrack t = new HostTrack(host);
        model.host(host).ifPresent(m -> {
            t.detector = new SeriesDetector(model.settings(), m);
            LOG.info("host {}: scoring with the trained model ({} fitted rows)", host, m.fittedRows());
        });
        return t;
    }

    /** Adds a learning sample; fits the host's model once it has enough, if {@code mayFit}. Returns the nanoseconds spent fitting. */
    private long learn(HostTrack t, HostSample s, boolean mayFit) {
        t.learning.add(s);
        if (t.learning.size() < minSamples || !mayFit) {
            return 0;
        }
        long started = System.nanoTime();
        Map<Metric, Integer> seen = new EnumMap<>(Metric.class);
        for (HostSample x : t.learning) {
            x.values().keySet().forEach(m -> seen.merge(m, 1, Integer::sum));
        }
        List<Metric> metrics = seen.entrySet().stream().filter(e -> e.getValue() * 2 >= t.learning.size())
                .map(Map.Entry::getKey).toList();
        if (metrics.isEmpty()) {
            t.learning.removeFirst();  // keep waiting for a host that reports something
            return System.nanoTime() - started;
        }
        SeriesDetector d = new SeriesDetector(model.settings(), metrics, true, t.learning.size());
        for (HostSample x : t.learning) {
            d.next(row(x, metrics));
        }
        t.detector = d;
        t.learning.clear();
        LOG.info("host {}: learned from {} samples ({}), now scoring", t.host, d.learningRows(),
                metrics.stream().map(Metric::key).collect(Collectors.joining(",")));
        return System.nanoTime() - started;
    }

    private static double[] row(HostSample s, List<Metric> metrics) {
        double[] r = new double[metrics.size()];
        for (int m = 0; m < r.length; m++) {
            r[m] = s.value(metrics.get(m)).orElse(Double.NaN);
        }
        return r;
    }

    private void score(HostTrack t, HostSample s, List<Anomaly> out) {
        SeriesDetector d = t.detector;
        double[] values = row(s, d.metrics());
        RowResult r = d.next(values);
        t.lastValues = values;
        t.lastScored = s.timestamp();
        t.score = r.score();
        t.recent.addLast(s.timestamp());
        while (t.recent.size() > model.settings().confirmRows()) {
            t.recent.removeFirst();
        }
        if (r.anomalous()) {
            t.lastAnomalous = s.timestamp();
        }
        switch (r.step()) {
            case RAISED -> {
                Instant start = t.recent.peekFirst();
                if (t.open != null) {
                    // another metric took over: the running incident ends where the new one starts
                    record(AnomalyRecords.ended(t.open, start), out);
                }
                Anomaly a = AnomalyRecords.raised(t.host, start, s.timestamp(), r);
                t.open = a;
                if (record(a, out)) {
                    raised.labelValues(a.severity().key()).inc();
                    LOG.warn("anomaly on {}: {} ({}, score {})", t.host, a.summary(), a.severity().key(), a.score());
                }
            }
            case ONGOING -> {
                if (t.open != null) {
                    AnomalyRecords.grown(t.open, r).ifPresent(u -> {
                        t.open = u;
                        record(u, out);
                    });
                }
            }
            case CLOSED -> {
                Anomaly a = t.open;
                t.open = null;
                if (a != null) {
                    Instant end = t.lastAnomalous != null && !t.lastAnomalous.isBefore(a.timestamp()) ? t.lastAnomalous : a.timestamp();
                    record(AnomalyRecords.ended(a, end), out);
                }
            }
            default -> {
                // quiet
            }
        }
    }

    /** Log first (forced to disk), then memory and the bus; false if it could not be recorded. */
    private boolean record(Anomaly a, List<Anomaly> out) {
        try {
            log.append(a);
        } catch (IOException e) {
            LOG.error("cannot record anomaly {} of {} in {}: not published", a.id(), a.host(), log.dir(), e);
            return false;
        }
        store.put(a);
        out.add(a);
        return true;
    }

    /**
     * Per metric, what the detector expects of this host at its latest scored sample and the band around it;
     * empty while the host learns (or is unknown).
     */
    public synchronized Map<Metric, ExpectedBand> bands(String host) {
        HostTrack t = hosts.get(host);
        if (t == null || !t.scoring() || t.lastScored == null) {
            return Map.of();
        }
        Map<Metric, ExpectedBand> out = new EnumMap<>(Metric.class);
        List<Metric> metrics = t.detector.metrics();
        for (int m = 0; m < metrics.size(); m++) {
            out.put(metrics.get(m), t.detector.band(m, t.lastScored, t.lastValues[m]));
        }
        return out;
    }

    /** The host's detector state (learning with the time left, scoring, seasons, level shifts); empty for an unknown host. */
    public synchronized Optional<HostState> state(String host) {
        HostTrack t = hosts.get(host);
        if (t == null) {
            return Optional.empty();
        }
        if (!t.scoring()) {
            int left = Math.max(0, minSamples - t.learning.size());
            return Optional.of(new HostState(host, HostState.Phase.LEARNING, left, interval(t).multipliedBy(left), List.of()));
        }
        List<HostState.MetricState> metrics = new ArrayList<>();
        for (int m = 0; m < t.detector.metrics().size(); m++) {
            metrics.add(t.detector.metricState(m));
        }
        return Optional.of(new HostState(host, HostState.Phase.SCORING, 0, Duration.ZERO, metrics));
    }

    /** The median step between the host's learning samples (the local collector's 5 s before there are two). */
    private static Duration interval(HostTrack t) {
        List<Long> steps = new ArrayList<>();
        for (int i = 1; i < t.learning.size(); i++) {
            long ms = Duration.between(t.learning.get(i - 1).timestamp(), t.learning.get(i).timestamp()).toMillis();
            if (ms > 0) {
                steps.add(ms);
            }
        }
        if (steps.isEmpty()) {
            return Duration.ofSeconds(5);
        }
        steps.sort(null);
        return Duration.ofMillis(steps.get(steps.size() / 2));
    }

    /**
     * An operator's verdict on what the detector flagged on {@code host} for {@code metrics} between {@code from}
     * and {@code to} (an anomaly's start and end). A false alarm makes that pattern part of the host's normal for
     * those metrics without muting them; a confirmation keeps it abnormal. Returns what was recorded, for
     * {@link #undoFeedback(String)}.
     *
     * @throws IllegalArgumentException for an unknown host, a metric the host does not report, or a reversed range
     */
    public synchronized Feedback feedback(String host, List<Metric> metrics, Instant from, Instant to, Verdict verdict, Instant now) {
        HostTrack t = hosts.get(host);
        if (t == null) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        if (t.detector != null) {
            for (Metric m : metrics) {
                if (!t.detector.metrics().contains(m)) {
                    throw new IllegalArgumentException("host '" + host + "' does not report metric '" + m.key() + "'");
                }
            }
        }
        Feedback f = new Feedback("fb-" + AnomalyRecords.id(host, now).substring(3) + "-" + (++feedbackCount), host, metrics, from,
                to, verdict, now);
        t.feedback.add(f);
        return f;
    }

    /** Takes a verdict back; false when no verdict has that id. */
    public synchronized boolean undoFeedback(String id) {
        for (HostTrack t : hosts.values()) {
            if (t.feedback.removeIf(f -> f.id().equals(id))) {
                return true;
            }
        }
        return false;
    }

    /** The verdicts in force for a host, oldest first. */
    public synchronized List<Feedback> feedback(String host) {
        HostTrack t = hosts.get(host);
        return t == null ? List.of() : List.copyOf(t.feedback);
    }

    @Override
    public synchronized Optional<String> phase(String host) {
        HostTrack t = hosts.get(host);
        return t == null ? Optional.empty() : Optional.of(t.scoring() ? "scoring" : "learning");
    }

    @Override
    public synchronized Optional<Double> score(String host) {
        HostTrack t = hosts.get(host);
        return t == null || !t.scoring() || Double.isNaN(t.score) ? Optional.empty() : Optional.of(AnomalyRecords.round(t.score));
    }

    private synchronized Map<String, Double> scores() {
        Map<String, Double> out = new LinkedHashMap<>();
        hosts.forEach((h, t) -> {
            if (t.scoring() && !Double.isNaN(t.score)) {
                out.put(h, t.score);
            }
        });
        return out;
    }

    /** The {@code detector} component of /status. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", source.path());
        if (source.sha256() != null) {
            m.put("sha256", source.sha256());
        }
        m.put("note", source.note());
        m.put("trained_hosts", model.hostList().stream().map(HostModel::host).toList());
        m.putAll(source.card());
        s.put("model", m);
        s.put("settings", model.settings().toString());
        s.put("min_samples", minSamples);
        long scoring = hosts.values().stream().filter(HostTrack::scoring).count();
        s.put("hosts_scoring", scoring);
        s.put("hosts_learning", hosts.size() - scoring);
        Map<String, Object> learning = new LinkedHashMap<>();
        hosts.values().stream().filter(t -> !t.scoring()).forEach(t -> learning.put(t.host, t.learning.size() + "/" + minSamples));
        if (!learning.isEmpty()) {
            s.put("learning_progress", learning);
        }
        s.put("anomalies_in_memory", store.size());
        s.put("open_anomalies", store.openCount());
        s.put("log_dir", log.dir().toString());
        return s;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribe failed", e);
        }
        log.close();
    }
}
