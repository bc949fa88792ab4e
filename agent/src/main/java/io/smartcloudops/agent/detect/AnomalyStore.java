package io.smartcloudops.agent.detect;

import io.smartcloudops.api.anomaly.Anomaly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The most recent anomalies in memory, by id (an update replaces its record), at most {@code capacity};
 * the oldest raised ones go first. Newest first when listed.
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
        Anomaly old = byId.put(a.id(), a);
        if (old != null) {
            ordered.remove(old);
        }
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

    /** The anomaly with this id, if still in memory. */
    public synchronized java.util.Optional<Anomaly> find(String id) {
        return java.util.Optional.ofNullable(byId.get(id));
    }

    public synchronized boolean hasHost(String host) {
        return byId.values().stream().anyMatch(a -> a.host().equals(host));
    }

    public synchronized int size() {
        return byId.size();
    }

    public synchronized long openCount() {
        return byId.values().stream().filter(a -> a.end() == null).count();
    }
}
