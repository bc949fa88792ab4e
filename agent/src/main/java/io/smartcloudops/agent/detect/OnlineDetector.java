package io.smartcloudops.agent.detect;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.collect.SamplesCollected;
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
 * The detector inside the agent. Every host gets a {@link SeriesDetector} that learns on every sample: hosts the
 * model was trained on go on from the state their history left and are scored from their first sample; others raise
 * nothing for their first {@code minSamples} samples (back-filled history counts). Live samples are scored one by one; an incident becomes one
 * {@link Anomaly} record: appended to the anomaly log (forced to disk) first, then kept in memory for
 * {@code /anomalies}, published on the bus ({@code /events}, rules) and counted in {@code /metrics}, when it
 * is raised, when its score or severity grows, and when it ends.
 *
 * <p>Why this class is long (about 460 lines): every public method takes the one lock over the hosts' tracks (scoring,
 * feedback, bands, /status, saving state) so that what /status, /series/band and a verdict see is one consistent
 * moment of each host; the per-series logic is in {@link SeriesDetector}, saving in {@link DetectorStateStore}.
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
        Instant last;
        double score = Double.NaN;
        final ArrayDeque<Instant> recent = new ArrayDeque<>();
        Anomaly open;
        Instant lastAnomalous;
        Instant lastScored;
        final List<Feedback> feedback = new ArrayList<>();
        final List<Long> steps = new ArrayList<>();
        long rowsSinceSave;

        HostTrack(String host) {
            this.host = host;
        }

        boolean scoring() {
            return detector != null && detector.scoring();
        }
    }

    private final DetectorModel model;
    private final ModelSource source;
    private final int minSamples;
    private final AnomalyLog log;
    private final AnomalyStore store;
    private final EventBus bus;
    private final Counter raised;
    private final Counter escalated;
    private final Map<String, HostTrack> hosts = new TreeMap<>();
    private final AutoCloseable subscription;
    private long feedbackCount;

    /**
     * Rows a host goes between saves of its state; with {@link #SAVES_PER_BATCH} this spreads the writes of a large
     * fleet over several collections (1,000 hosts at 5 s: all saved within about 4 minutes, at most 20 files a batch).
     */
    static final int SAVE_EVERY_ROWS = 120;
    static final int SAVES_PER_BATCH = 20;

    private final Optional<DetectorStateStore> states;

    public OnlineDetector(DetectorModel model, ModelSource source, int minSamples, AnomalyLog log, AnomalyStore store,
                          EventBus bus, PrometheusRegistry registry) {
        this(model, source, minSamples, log, store, bus, registry, Optional.empty());
    }

    public OnlineDetector(DetectorModel model, ModelSource source, int minSamples, AnomalyLog log, AnomalyStore store,
                          EventBus bus, PrometheusRegistry registry, Optional<DetectorStateStore> states) {
        this.states = states;
        this.model = model;
        this.source = source;
        this.minSamples = minSamples;
        this.log = log;
        this.store = store;
        this.bus = bus;
        this.raised = Counter.builder().name("smartcloudops_anomalies_total")
                .help("Anomalies raised, by severity at the time they were raised").labelNames("severity").register(registry);
        this.escalated = Counter.builder().name("smartcloudops_anomalies_escalated_total")
                .help("Open anomalies whose severity rose to this level after they were raised (a disk that gets busier, "
                        + "memory that keeps filling)").labelNames("severity").register(registry);
        for (Severity s : Severity.values()) {
            raised.labelValues(s.key());
            escalated.labelValues(s.key());
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
            for (HostSample s : batch.samples()) {
                HostTrack t = hosts.computeIfAbsent(s.host(), this::track);
                if (t.last != null && !s.timestamp().isAfter(t.last)) {
                    continue;
                }
                // history for a host already scoring (a gap being back-filled) is not scored: it is the past
                if (t.scoring() && batch.history()) {
                    continue;
                }
                try {
                    if (t.last != null && t.steps.size() < 16) {
                        t.steps.add(Duration.between(t.last, s.timestamp()).toMillis());
                    }
                    t.last = s.timestamp();
                    score(t, s, toPublish);
                    t.rowsSinceSave++;
                } catch (RuntimeException e) {
                    // one host's bad data must not stop the others; it starts learning afresh
                    LOG.error("detector failed on host {}: the host learns again", s.host(), e);
                    HostTrack fresh = new HostTrack(s.host());
                    fresh.detector = new SeriesDetector(model.settings(), List.of(Metric.values()), true, minSamples);
                    hosts.put(s.host(), fresh);
                }
            }
            saveDue();
        }
        for (Anomaly a : toPublish) {
            bus.publish(a);
        }
    }

    private HostTrack track(String host) {
        HostTrack t = new HostTrack(host);
        Optional<DetectorStateStore.Restored> saved = states.flatMap(st -> st.load(host, model.settings()));
        Optional<DetectorState.Series> trained = model.host(host);
        if (saved.isPresent()) {
            t.detector = new SeriesDetector(model.settings(), saved.get().state());
            t.feedback.addAll(saved.get().verdicts());
            LOG.info("host {}: goes on from its saved detector state ({} rows seen, {} verdict(s))", host, saved.get().state().row(),
                    t.feedback.size());
        } else if (trained.isPresent()) {
            t.detector = new SeriesDetector(model.settings(), trained.get());
            LOG.info("host {}: scoring with the trained state ({} rows of history)", host, trained.get().row());
        } else {
            t.detector = new SeriesDetector(model.settings(), List.of(Metric.values()), true, minSamples);
        }
        return t;
    }

    /** Saves the hosts whose state is {@link #SAVE_EVERY_ROWS} rows old, at most {@link #SAVES_PER_BATCH} per batch. */
    private void saveDue() {
        if (states.isEmpty()) {
            return;
        }
        int saved = 0;
        for (HostTrack t : hosts.values()) {
            if (saved >= SAVES_PER_BATCH) {
                break;
            }
            if (t.rowsSinceSave >= SAVE_EVERY_ROWS) {
                save(t);
                saved++;
            }
        }
    }

    private void save(HostTrack t) {
        try {
            states.orElseThrow().save(t.host, model.settings(), t.detector.snapshot(), t.feedback);
            t.rowsSinceSave = 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot save the detector state of host {} in {}: {}", t.host, states.orElseThrow().dir(), e.toString());
        }
    }

    private Optional<java.nio.file.Path> states() {
        return states.map(DetectorStateStore::dir);
    }

    /** Saves every host's state now (at shutdown). */
    public synchronized void saveAll() {
        if (states.isPresent()) {
            hosts.values().forEach(this::save);
        }
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
        boolean wasScoring = d.scoring();
        RowResult r = d.next(s.timestamp().toEpochMilli(), row(s, d.metrics()));
        t.lastScored = s.timestamp();
        if (!wasScoring && d.scoring()) {
            LOG.info("host {}: learned from {} samples, now scoring", t.host, d.rows());
        }
        if (!r.scoring()) {
            return;
        }
        t.score = r.score();
        t.recent.addLast(s.timestamp());
        while (t.recent.size() > model.settings().confirmRows()) {
            t.recent.removeFirst();
        }
        if (r.anomalous() || (r.inIncident() && r.novelty() >= model.settings().keepNovelty())) {
            t.lastAnomalous = s.timestamp();
        }
        switch (r.step()) {
            case RAISED -> {
                Instant start = t.recent.peekFirst();
                if (t.open != null) {
                    // another fault began while the last one was open: that one ends where this one starts
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
                        Severity before = t.open.severity();
                        t.open = u;
                        if (record(u, out) && u.severity().compareTo(before) > 0) {
                            escalated.labelValues(u.severity().key()).inc();
                            LOG.warn("anomaly on {} now {} (raised {}): {}", t.host, u.severity().key(), before.key(), u.summary());
                        }
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
     * Per metric the host reports, what the detector expects of it at the latest sample and the band around it;
     * metrics with too little history are left out (the detector does not guess), so the map is empty while the
     * host learns or when the host is unknown.
     */
    public synchronized Map<Metric, ExpectedBand> bands(String host) {
        HostTrack t = hosts.get(host);
        if (t == null || !t.scoring() || t.lastScored == null) {
            return Map.of();
        }
        Map<Metric, ExpectedBand> out = new EnumMap<>(Metric.class);
        List<Metric> metrics = t.detector.metrics();
        for (int m = 0; m < metrics.size(); m++) {
            int i = m;
            t.detector.band(m, t.lastScored).ifPresent(b -> out.put(metrics.get(i), b));
        }
        return out;
    }

    /** The host's detector state (learning with the time left, scoring, seasons, level shifts); empty for an unknown host. */
    public synchronized Optional<HostState> state(String host) {
        HostTrack t = hosts.get(host);
        if (t == null) {
            return Optional.empty();
        }
        SeriesDetector d = t.detector;
        if (!d.scoring()) {
            int left = (int) Math.max(0, d.learningRows() - d.rows());
            return Optional.of(new HostState(host, HostState.Phase.LEARNING, left, interval(t).multipliedBy(left), List.of()));
        }
        List<HostState.MetricState> metrics = new ArrayList<>();
        for (int m = 0; m < d.metrics().size(); m++) {
            if (d.ready(m)) {
                metrics.add(d.metricState(m));
            }
        }
        return Optional.of(new HostState(host, HostState.Phase.SCORING, 0, Duration.ZERO, metrics));
    }

    /** The median step between the host's first samples (the local collector's 5 s before there are two). */
    private static Duration interval(HostTrack t) {
        List<Long> steps = t.steps.stream().filter(ms -> ms > 0).sorted().toList();
        return steps.isEmpty() ? Duration.ofSeconds(5) : Duration.ofMillis(steps.get(steps.size() / 2));
    }

    /**
     * An operator's verdict on what the detector flagged on {@code host} for {@code metrics} between {@code from}
     * and {@code to} (an anomaly's start and end, or its raise time while open). A false alarm makes that pattern
     * part of the host's normal for those metrics without muting them; a confirmation keeps it abnormal. Returns what
     * was recorded, for {@link #undoFeedback(String)}.
     *
     * @throws IllegalArgumentException for an unknown host, a metric the host does not report, a reversed range, or
     *                                  a range in which the detector remembers no anomaly of that host
     */
    public synchronized Feedback feedback(String host, List<Metric> metrics, Instant from, Instant to, Verdict verdict, Instant now) {
        return feedback(host, metrics, from, to, verdict, now, null);
    }

    /**
     * As {@link #feedback(String, List, Instant, Instant, Verdict, Instant)}, with the pattern kept with the verdict
     * ({@link #verdictPattern}): when the detector no longer remembers that incident (it learned the host again since the
     * verdict was given) it acts on the pattern instead of refusing.
     */
    public synchronized Feedback feedback(String host, List<Metric> metrics, Instant from, Instant to, Verdict verdict, Instant now,
                                          VerdictPattern kept) {
        HostTrack t = hosts.get(host);
        if (t == null) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        for (Metric m : metrics) {
            int i = t.detector.metrics().indexOf(m);
            if (i < 0 || !t.detector.ready(i)) {
                throw new IllegalArgumentException("host '" + host + "' does not report metric '" + m.key() + "'");
            }
        }
        VerdictPattern pattern = t.detector.verdictPattern(metrics, from, to).orElse(kept);
        Feedback f = new Feedback("fb-" + AnomalyRecords.id(host, now).substring(3) + "-" + (++feedbackCount), host, metrics, from,
                to, verdict, now, pattern);
        List<Feedback> all = new ArrayList<>(t.feedback);
        all.add(f);
        List<String> unmatched = t.detector.applyFeedback(all);
        if (unmatched.contains(f.id())) {
            t.detector.applyFeedback(t.feedback);
            throw new IllegalArgumentException("no anomaly of host '" + host + "' between " + from + " and " + to
                    + " is remembered by the detector (it keeps the last " + SeriesDetector.REMEMBERED_INCIDENTS + ")");
        }
        t.feedback.add(f);
        return f;
    }

    /**
     * What a verdict on {@code host}'s {@code metrics} between {@code from} and {@code to} would act on (per metric and
     * feature side that flagged the incident, its edge and peak), to be kept with the verdict; empty for an unknown
     * host or when the detector remembers no incident of it in that range.
     */
    public synchronized Optional<VerdictPattern> verdictPattern(String host, List<Metric> metrics, Instant from, Instant to) {
        HostTrack t = hosts.get(host);
        return t == null || to.isBefore(from) ? Optional.empty() : t.detector.verdictPattern(metrics, from, to);
    }

    /** Takes a verdict back; false when no verdict has that id. */
    public synchronized boolean undoFeedback(String id) {
        for (HostTrack t : hosts.values()) {
            if (t.feedback.removeIf(f -> f.id().equals(id))) {
                t.detector.applyFeedback(t.feedback);
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
        hosts.values().stream().filter(t -> !t.scoring()).forEach(t -> learning.put(t.host, t.detector.rows() + "/" + t.detector.learningRows()));
        if (!learning.isEmpty()) {
            s.put("learning_progress", learning);
        }
        Map<String, Object> states = new LinkedHashMap<>();
        hosts.keySet().forEach(h -> state(h).ifPresent(st -> states.put(h, st.labels())));
        s.put("host_states", states);
        states().ifPresent(dir -> s.put("state_dir", dir.toString()));
        s.put("anomalies_in_memory", store.size());
        s.put("open_anomalies", store.openCount());
        s.put("log_dir", log.dir().toString());
        return s;
    }

    @Override
    public void close() {
        saveAll();
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribe failed", e);
        }
        log.close();
    }
}
