package io.smartcloudops.agent.status;

import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Assembles {@code GET /status} from the parts of the agent. */
public final class StatusService {

    private final String version;
    private final Clock clock;
    private final Instant startedAt;
    private final Supplier<SourceStatus> source;
    private final SeriesStore store;
    private final Map<String, Supplier<Object>> components = new LinkedHashMap<>();
    private volatile HostDetectorState detector;

    public StatusService(String version, Clock clock, Supplier<SourceStatus> source, SeriesStore store) {
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.source = source;
        this.store = store;
    }

    public void detector(HostDetectorState state) {
        this.detector = state;
    }

    /** Adds a named part (rules, remediation, chat, ...) whose status is rendered as JSON. */
    public synchronized void component(String name, Supplier<Object> status) {
        components.put(name, status);
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
                    store.sampleCount(host)));
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        synchronized (this) {
            components.forEach((name, s) -> parts.put(name, s.get()));
        }
        return new AgentStatus(version, startedAt, Duration.between(startedAt, clock.instant()).toSeconds(),
                source.get(), hosts, parts);
    }
}
