package io.smartcloudops.agent.detectorview;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.detect.ExpectedBand;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.BandSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the history of what the detector expected of every host and metric, as segments (for
 * {@code GET /series/band}, which the console draws behind its charts). Subscribed to the bus after the
 * detector, so a batch's bands are those of the samples just scored; back-filled history is not scored and adds
 * nothing. A host's band is read at most every {@link #RECORD_EVERY} of sample time: the history has minute
 * resolution, and reading it on every sample cost a sixth of scoring (docs/benchmarks.md).
 */
public final class BandRecorder implements AutoCloseable {

    /** How often (in sample time) a host's band is read and recorded. */
    static final Duration RECORD_EVERY = Duration.ofSeconds(30);

    private final OnlineDetector detector;
    private final long gapMillis;
    private final long retentionMillis;
    private final Map<String, Map<Metric, BandTrack>> tracks = new HashMap<>();
    private final Map<String, Long> recordedAt = new HashMap<>();
    private final AutoCloseable subscription;
    private long lastSweep = Long.MIN_VALUE;

    /**
     * @param interval  the collection interval: a pause in scoring longer than three of them (at least 15 s) beyond
     *                  {@link #RECORD_EVERY} is a gap
     * @param retention how long segments are kept (the series store's retention)
     */
    public BandRecorder(OnlineDetector detector, EventBus bus, Duration interval, Duration retention) {
        this.detector = detector;
        this.gapMillis = RECORD_EVERY.toMillis() + Math.max(15_000, interval.toMillis() * 3);
        this.retentionMillis = retention.toMillis();
        this.subscription = bus.subscribe(SamplesCollected.class, this::onSamples);
    }

    void onSamples(SamplesCollected batch) {
        if (batch.history()) {
            return;
        }
        Set<String> due = new LinkedHashSet<>();
        synchronized (this) {
            for (HostSample s : batch.samples()) {
                Long last = recordedAt.get(s.host());
                if (last == null || s.timestamp().toEpochMilli() - last >= RECORD_EVERY.toMillis()) {
                    due.add(s.host());
                }
            }
        }
        for (String host : due) {
            record(host, detector.bands(host));
        }
    }

    synchronized void record(String host, Map<Metric, ExpectedBand> bands) {
        if (bands.isEmpty()) {
            return;
        }
        Map<Metric, BandTrack> byMetric = tracks.computeIfAbsent(host, h -> new EnumMap<>(Metric.class));
        long newest = Long.MIN_VALUE;
        for (ExpectedBand b : bands.values()) {
            long t = b.at().toEpochMilli();
            byMetric.computeIfAbsent(b.metric(), m -> new BandTrack())
                    .append(t, b.expected(), b.lower(), b.upper(), b.basis(), gapMillis, retentionMillis);
            newest = Math.max(newest, t);
        }
        recordedAt.put(host, newest);
        sweep(newest);
    }

    /** Once a minute (in sample time): forgets hosts without a band within the retention. */
    private void sweep(long now) {
        if (now - lastSweep < 60_000) {
            return;
        }
        lastSweep = now;
        tracks.entrySet().removeIf(e -> e.getValue().values().stream().allMatch(t -> t.newest() < now - retentionMillis));
        recordedAt.keySet().retainAll(tracks.keySet());
    }

    /** The segments of one host's metric that end at or after {@code since}, oldest first. */
    public synchronized List<BandSegment> history(String host, Metric metric, Instant since) {
        BandTrack t = tracks.getOrDefault(host, Map.of()).get(metric);
        return t == null ? List.of() : t.since(since.toEpochMilli());
    }

    public synchronized boolean hasHost(String host) {
        return tracks.containsKey(host);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
