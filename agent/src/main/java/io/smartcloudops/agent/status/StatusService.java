package io.smartcloudops.agent.status;

import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Assembles {@code GET /status} from the parts of the agent. The JSON document ({@link #json}) is kept
 * until something changes (any event on the bus calls {@link #changed}) and at most {@link #MAX_AGE_NANOS}:
 * building and serialising it costs far more than sending it (every host's latest values), so consoles and
 * dashboards polling it many times a second share one build (see docs/benchmarks.md, load).
 */
public final class StatusService {

    /** Longest a built document is served; also bounds how stale a change that publishes no event can be. */
    static final long MAX_AGE_NANOS = 250_000_000L;

    private final String version;
    private final Clock clock;
    private final Instant startedAt;
    private final Supplier<SourceStatus> source;
    private final SeriesStore store;
    private final Map<String, Supplier<Object>> components = new LinkedHashMap<>();
    private volatile HostDetectorState detector;
    private final AtomicLong generation = new AtomicLong();
    private final Object building = new Object();
    private volatile Built built;

    private record Built(long atNanos, long generation, byte[] json) {
    }

    public StatusService(String version, Clock clock, Supplier<SourceStatus> source, SeriesStore store) {
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.source = source;
        this.store = store;
    }

    public void detector(HostDetectorState state) {
        this.detector = state;
        changed();
    }

    /** Something the status shows has changed: the next {@link #json} builds a fresh document. */
    public void changed() {
        generation.incrementAndGet();
    }

    /** {@link #status()} as JSON, rebuilt when {@link #changed} was called or the last build is 250 ms old. */
    public byte[] json() {
        Built b = built;
        if (fresh(b)) {
            return b.json();
        }
        synchronized (building) {
            b = built;
            if (fresh(b)) {
                return b.json();
            }
            long gen = generation.get();
            long at = System.nanoTime();
            byte[] json = Json.write(status()).getBytes(StandardCharsets.UTF_8);
            built = new Built(at, gen, json);
            return json;
        }
    }

    private boolean fresh(Built b) {
        return b != null && b.generation() == generation.get() && System.nanoTime() - b.atNanos() < MAX_AGE_NANOS;
    }

    /** Adds a named part (rules, remediation, chat, ...) whose status is rendered as JSON. */
    public synchronized void component(String name, Supplier<Object> status) {
        components.put(name, status);
        changed();
    }

    public String version() {
        return version;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public SourceStatus source() {
        return source.get();
    }

    public AgentStatus status() {
        List<HostStatus> hosts = new ArrayList<>();
        HostDetectorState d = detector;
        for (String host : store.hosts()) {
            Map<String, Double> values = new LinkedHashMap<>();
            store.latestValues(host).forEach((m, v) -> values.put(m.key(), v));
            hosts.add(new HostStatus(host, store.lastSeen(host).orElse(null), values,
                    d == null ? null : d.phase(host).orElse(null),
                    d == null ? null : d.score(host).orElse(null),
                    store.sampleCount(host),
                    d == null ? null : d.detail(host).orElse(null)));
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        synchronized (this) {
            components.forEach((name, s) -> parts.put(name, s.get()));
        }
        return new AgentStatus(version, startedAt, Duration.between(startedAt, clock.instant()).toSeconds(),
                source.get(), hosts, parts);
    }
}
