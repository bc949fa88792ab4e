package io.smartcloudops.agent.detectorview;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.detect.ExpectedBand;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.events.SamplesCollected;
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
 * Keeps what the detector expected of every host and metric: the latest band (for {@code /metrics}) and its
 * history as segments (for {@code GET /series/band}, which the console draws behind its charts). Subscribed to
 * the bus after the detector, so a batch's bands are those of the samples just scored; back-filled history is
 * not scored and adds nothing.
 */
public final class BandRecorder implements AutoCloseable {

    private final OnlineDetector detector;
    private final long gapMillis;
    private final long retentionMillis;
    private final Map<String, Map<Metric, BandTrack>> tracks = new HashMap<>();
    private final Map<String, Map<Metric, ExpectedBand>> latest = new HashMap<>();
    private final AutoCloseable subscription;
    private long lastSweep = Long.MIN_VALUE;

    /**
     * @param interval  the collection interval: a pause in scoring longer than three of them (at least 15 s) is a gap
     * @param retention how long segments are kept (the series store's retention)
     */
    public BandRecorder(OnlineDetector detector, EventBus bus, Duration interval, Duration retention) {
        this.detector = detector;
        this.gapMillis = Math.max(15_000, interval.toMillis() * 3);
        this.retentionMillis = retention.toMillis();
        this.subscription = bus.subscribe(SamplesCollected.class, this::onSamples);
    }

    void onSamples(SamplesCollected batch) {
        if (batch.history()) {
            return;
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (HostSample s : batch.samples()) {
            hosts.add(s.host());
        }
        for (String host : hosts) {
            record(host, detector.bands(host));
        }
    }

    synchronized void record(String host, Map<Metric, ExpectedBand> bands) {
        if (bands.isEmpty()) {
            return;
        }
        latest.put(host, bands);
        Map<Metric, BandTrack> byMetric = tracks.computeIfAbsent(host, h -> new EnumMap<>(Metric.class));
        long newest = Long.MIN_VALUE;
        for (ExpectedBand b : bands.values()) {
            long t = b.at().toEpochMilli();
            byMetric.computeIfAbsent(b.metric(), m -> new BandTrack())
                    .append(t, b.expected(), b.lower(), b.upper(), b.basis(), gapMillis, retentionMillis);
            newest = Math.max(newest, t);
        }
        sweep(newest);
    }

    /** Once a minute (in sample time): forgets hosts without a band within the retention. */
    private void sweep(long now) {
        if (now - lastSweep < 60_000) {
            return;
        }
        lastSweep = now;
        tracks.entrySet().removeIf(e -> e.getValue().values().stream().allMatch(t -> t.newest() < now - retentionMillis));
        latest.keySet().retainAll(tracks.keySet());
    }

    /** The segments of one host's metric that end at or after {@code since}, oldest first. */
    public synchronized List<BandSegment> history(String host, Metric metric, Instant since) {
        BandTrack t = tracks.getOrDefault(host, Map.of()).get(metric);
        return t == null ? List.of() : t.since(since.toEpochMilli());
    }

    public synchronized boolean hasHost(String host) {
        return tracks.containsKey(host);
    }

    /** The latest band of every host and metric, for the gauges. */
    synchronized Map<String, Map<Metric, ExpectedBand>> latest() {
        return Map.copyOf(latest);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
