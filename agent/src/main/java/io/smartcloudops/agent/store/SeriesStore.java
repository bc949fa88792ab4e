package io.smartcloudops.agent.store;

import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.SeriesPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded in-memory history per host and metric, Gorilla-compressed in blocks ({@link HostSeries}): raw samples for
 * the raw retention, one row a minute (count, min, max, sum per metric) from there to the retention. Each host keeps
 * at most the raw samples the raw retention holds at the collection interval (plus slack); points older than the
 * retention are never returned, and blocks older than it are dropped.
 */
public final class SeriesStore {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesStore.class);
    /** A fleet over the limit keeps announcing new hosts: one warning at the first, then at most this often. */
    static final Duration REFUSAL_WARNING_EVERY = Duration.ofMinutes(10);
    private static final int REFUSED_LISTED = 5;
    public static final Duration DEFAULT_RAW_RETENTION = io.smartcloudops.agent.config.StoreConfig.DEFAULT_RAW_RETENTION;

    private final Clock clock;
    private final Duration retention;
    private final Duration rawRetention;
    private final int capacityPerHost;
    private final int maxHosts;
    private final String maxHostsFrom;
    private final Map<String, HostSeries> hosts = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> refusedHosts = new ConcurrentHashMap<>();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong corruptBlocks = new AtomicLong();
    private final Object refusalWarning = new Object();
    private Instant lastRefusalWarning;
    private int refusedAtLastWarning;

    public SeriesStore(Clock clock, Duration retention, Duration interval, int maxHosts) {
        this(clock, retention, interval, maxHosts, "store.max_hosts");
    }

    /**
     * @param maxHostsFrom where the limit comes from, for the warning when hosts are refused (the setting, or
     *                     the heap by the sizing rule)
     */
    public SeriesStore(Clock clock, Duration retention, Duration interval, int maxHosts, String maxHostsFrom) {
        this(clock, retention, retention, interval, maxHosts, maxHostsFrom);
    }

    /**
     * @param rawRetention raw samples are kept this long, then as minute rows up to {@code retention}; at or above
     *                     the retention, raw for the whole retention
     */
    public SeriesStore(Clock clock, Duration retention, Duration rawRetention, Duration interval, int maxHosts,
                       String maxHostsFrom) {
        this.clock = clock;
        this.retention = retention;
        this.rawRetention = rawRetention.compareTo(retention) < 0 ? rawRetention : retention;
        long slots = this.rawRetention.toMillis() / Math.max(1, interval.toMillis());
        // with a minute tier, up to two blocks (the head and one sealed across the raw retention's edge) and the
        // host's stagger wait beyond it
        long waiting = this.rawRetention.compareTo(retention) < 0
                ? 2L * HostSeries.BLOCK + HostSeries.STAGGER_MILLIS / Math.max(1, interval.toMillis()) : 16;
        this.capacityPerHost = (int) Math.min(2_000_000, Math.max(16, slots + slots / 4 + waiting));
        this.maxHosts = maxHosts;
        this.maxHostsFrom = maxHostsFrom;
    }

    /** Stores a sample; false when it is not newer than the host's last one or the host limit is reached. */
    public boolean append(HostSample sample) {
        HostSeries series = hosts.get(sample.host());
        if (series == null) {
            if (hosts.size() >= maxHosts) {
                if (refusedHosts.putIfAbsent(sample.host(), Boolean.TRUE) == null) {
                    warnRefused(sample.host());
                }
                return false;
            }
            series = hosts.computeIfAbsent(sample.host(),
                    h -> new HostSeries(capacityPerHost, retention.toMillis(), rawRetention.toMillis(),
                            h.hashCode() * 0x9E3779B97F4A7C15L >>> 1, corruptBlocks::incrementAndGet));
        }
        boolean added = series.append(sample);
        if (added) {
            appended.incrementAndGet();
        }
        return added;
    }

    /** Logs the first refused host, then how many more were refused, at most every {@link #REFUSAL_WARNING_EVERY}. */
    private void warnRefused(String host) {
        Instant now = clock.instant();
        int refused;
        synchronized (refusalWarning) {
            refused = refusedHosts.size();
            if (lastRefusalWarning != null && (refused == refusedAtLastWarning
                    || now.isBefore(lastRefusalWarning.plus(REFUSAL_WARNING_EVERY)))) {
                return;
            }
            lastRefusalWarning = now;
            refusedAtLastWarning = refused;
        }
        LOG.warn("series store full: {} hosts ({}); not storing host {} ({} host{} refused since start, listed in"
                        + " /status components.store). Raise store.max_hosts and the heap (SMARTCLOUDOPS_HOSTS or"
                        + " SMARTCLOUDOPS_HEAP_MB for the launcher), or shard the fleet (serve --shard)",
                maxHosts, maxHostsFrom, host, refused, refused == 1 ? "" : "s");
    }

    public List<String> hosts() {
        return List.copyOf(hosts.keySet());
    }

    public boolean hasHost(String host) {
        return hosts.containsKey(host);
    }

    public Optional<HostSample> latest(String host) {
        HostSeries s = hosts.get(host);
        return s == null ? Optional.empty() : s.latest(host);
    }

    /** Latest value of each metric the host reported recently. */
    public Map<Metric, Double> latestValues(String host) {
        HostSeries s = hosts.get(host);
        return s == null ? Map.of() : s.latestValues();
    }

    public Optional<Instant> lastSeen(String host) {
        HostSeries s = hosts.get(host);
        return s == null ? Optional.empty() : s.lastTime();
    }

    /**
     * Points of one metric since {@code since} (clipped to the retention), oldest first: raw samples within the raw
     * retention, one point a minute before ({@link SeriesPoint#aggregated()}: the minute's mean, min, max and count).
     */
    public List<SeriesPoint> series(String host, Metric metric, Instant since) {
        HostSeries s = hosts.get(host);
        if (s == null) {
            return List.of();
        }
        return s.points(metric, since.toEpochMilli(), clock.instant().minus(retention).toEpochMilli());
    }

    /** Whole raw samples since {@code since}, oldest first; the minute rows before the raw retention are not samples. */
    public List<HostSample> samples(String host, Instant since) {
        HostSeries s = hosts.get(host);
        if (s == null) {
            return List.of();
        }
        long from = Math.max(since.toEpochMilli(), clock.instant().minus(retention).toEpochMilli());
        return s.samples(host, from);
    }

    public int sampleCount(String host) {
        HostSeries s = hosts.get(host);
        return s == null ? 0 : s.size();
    }

    public long appendedTotal() {
        return appended.get();
    }

    /** Hosts that sent samples while the store was full (never stored). */
    public List<String> refusedHosts() {
        return List.copyOf(refusedHosts.keySet());
    }

    public int refusedHostCount() {
        return refusedHosts.size();
    }

    public int maxHosts() {
        return maxHosts;
    }

    public Duration retention() {
        return retention;
    }

    public Duration rawRetention() {
        return rawRetention;
    }

    public int capacityPerHost() {
        return capacityPerHost;
    }

    /** The series of one host, for the store's own tests. */
    Optional<HostSeries> seriesOf(String host) {
        return Optional.ofNullable(hosts.get(host));
    }

    /** Sealed blocks that failed to decode and were dropped since the start (their samples are gone). */
    public long corruptBlocksDropped() {
        return corruptBlocks.get();
    }

    /** Samples held for every host together: raw ones and those the minute rows stand for. */
    public long samplesHeld() {
        return hosts.values().stream().mapToLong(HostSeries::size).sum();
    }

    /** Raw samples held for every host together. */
    public long rawSamplesHeld() {
        return hosts.values().stream().mapToLong(HostSeries::rawSize).sum();
    }

    /** For /status: what the store holds and what it costs. */
    public Map<String, Object> status() {
        long samples = samplesHeld();
        long bytes = footprintBytes();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("hosts", hosts.size());
        out.put("samples", samples);
        out.put("raw_samples", rawSamplesHeld());
        out.put("bytes", bytes);
        out.put("bytes_per_sample", samples == 0 ? null : Math.round(10.0 * bytes / samples) / 10.0);
        out.put("retention", io.smartcloudops.agent.time.DurationText.format(retention));
        out.put("raw_retention", io.smartcloudops.agent.time.DurationText.format(rawRetention));
        out.put("corrupt_blocks_dropped", corruptBlocks.get());
        out.put("max_hosts", maxHosts);
        out.put("max_hosts_from", maxHostsFrom);
        out.put("refused_hosts", refusedHosts.size());
        out.put("refused_hosts_first", refusedHosts.keySet().stream().sorted().limit(REFUSED_LISTED).toList());
        return out;
    }

    /** Heap bytes the series of all hosts hold now: raw heads plus compressed blocks. */
    public long footprintBytes() {
        return hosts.values().stream().mapToLong(HostSeries::footprintBytes).sum();
    }
}
