package io.smartcloudops.agent.alerts;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The most recent alerts in memory by id, at most {@code capacity} (the oldest go first); newest first when listed. */
final class AlertStore {

    private static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::startsAt).reversed()
            .thenComparing(Alert::id);

    private final int capacity;
    private final Map<String, Alert> byId = new HashMap<>();
    private final TreeSet<Alert> ordered = new TreeSet<>(NEWEST_FIRST);

    AlertStore(int capacity) {
        this.capacity = capacity;
    }

    synchronized void put(Alert a) {
        Alert old = byId.put(a.id(), a);
        if (old != null) {
            ordered.remove(old);
        }
        ordered.add(a);
        while (ordered.size() > capacity) {
            byId.remove(ordered.pollLast().id());
        }
    }

    synchronized Optional<Alert> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Newest first, filtered by what is given: state, host, active at or after {@code since}. */
    synchronized List<Alert> query(int limit, AlertState state, String host, Instant since) {
        List<Alert> out = new ArrayList<>();
        for (Alert a : ordered) {
            if (out.size() >= limit) {
                break;
            }
            if (state != null && a.state() != state || host != null && !host.equals(a.host())
                    || since != null && a.endsAt() != null && a.endsAt().isBefore(since)) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    synchronized List<Alert> firing() {
        return ordered.stream().filter(Alert::firing).toList();
    }

    synchronized boolean hasHost(String host) {
        return byId.values().stream().anyMatch(a -> host.equals(a.host()));
    }

    synchronized int size() {
        return byId.size();
    }
}
