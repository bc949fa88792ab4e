package io.smartcloudops.agent.chat.adapters;

import io.smartcloudops.agent.chat.tools.AnomalyHistory;
import io.smartcloudops.agent.chat.tools.AnomalyQuery;
import io.smartcloudops.api.anomaly.Anomaly;
import java.time.Instant;
import java.util.List;

/**
 * The chat's view of the detector's anomaly store (what {@code GET /anomalies} serves). The store filters by
 * host and time; severity is filtered here. Wire it with the store's query method:
 * {@code new StoreAnomalyHistory(detector.store()::query)}.
 */
public final class StoreAnomalyHistory implements AnomalyHistory {

    /** The store's query: newest first, at most {@code limit}, of {@code host} and active since {@code since} when given. */
    @FunctionalInterface
    public interface Query {
        List<Anomaly> query(int limit, Instant since, String host);
    }

    private static final int ALL = 10_000;

    private final Query store;

    public StoreAnomalyHistory(Query store) {
        this.store = store;
    }

    @Override
    public List<Anomaly> recent(AnomalyQuery q) {
        List<Anomaly> found = store.query(q.minSeverity() == null ? q.limit() : ALL, q.since(), q.host());
        return found.stream().filter(q::matches).limit(q.limit()).toList();
    }
}
