package io.smartcloudops.agent.detect;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyFeedback;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The most recent anomalies in memory, by id (an update replaces its record), at most {@code capacity};
 * the oldest raised ones go first. Newest first when listed. An operator's verdict stays on a record when the
 * detector updates it (the detector's records never carry one).
 */
public final class AnomalyStore {

    private static final Comparator<Anomaly> NEWEST_FIRST = Comparator.comparing(Anomaly::timestamp).reversed()
            .thenComparing(Anomaly::id);

    private final int capacity;
    private final Map<String, Anomaly> byId = new HashMap<>();
    private final TreeSet<Anomaly> ordered = new TreeSet<>(NEWEST_FIRST);

    public AnomalyStore(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void put(Anomaly a) {
        Anomaly old = byId.get(a.id());
        if (old != null) {
            ordered.remove(old);
            if (a.feedback() == null && old.feedback() != null) {
                a = a.withFeedback(old.feedback());
            }
        }
        byId.put(a.id(), a);
        ordered.add(a);
        while (ordered.size() > capacity) {
            Anomaly oldest = ordered.pollLast();
            byId.remove(oldest.id());
        }
    }

    /**
     * Newest first: at most {@code limit}, of {@code host} when given, and only those active at or after
     * {@code since} (still open, or ended at or after it) when given.
     */
    public synchronized List<Anomaly> query(int limit, Instant since, String host) {
        List<Anomaly> out = new ArrayList<>();
        for (Anomaly a : ordered) {
            if (out.size() >= limit) {
                break;
            }
            if (host != null && !host.equals(a.host())) {
                continue;
            }
            if (since != null && a.end() != null && a.end().isBefore(since) && a.timestamp().isBefore(since)) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    public synchronized Optional<Anomaly> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Puts {@code verdict} in force on anomaly {@code id} ({@code null} takes it back); empty when the store
     * does not hold that anomaly.
     */
    public synchronized Optional<Anomaly> feedback(String id, AnomalyFeedback verdict) {
        Anomaly old = byId.get(id);
        if (old == null) {
            return Optional.empty();
        }
        Anomaly updated = old.withFeedback(verdict);
        ordered.remove(old);
        byId.put(id, updated);
        ordered.add(updated);
        return Optional.of(updated);
    }

    /** The record as it is kept here: {@code a} with the verdict in force on it (for events the detector publishes). */
    public synchronized Anomaly current(Anomaly a) {
        Anomaly kept = byId.get(a.id());
        return kept == null || kept.feedback() == null || a.feedback() != null ? a : a.withFeedback(kept.feedback());
    }

    public synchronized boolean hasHost(String host) {
        return byId.values().stream().anyMatch(a -> a.host().equals(host));
    }

    public synchronized int size() {
        return byId.size();
    }

    /** The anomalies not ended yet. */
    public synchronized List<Anomaly> open() {
        return byId.values().stream().filter(a -> a.end() == null).toList();
    }

    public synchronized long openCount() {
        return byId.values().stream().filter(a -> a.end() == null).count();
    }
}
