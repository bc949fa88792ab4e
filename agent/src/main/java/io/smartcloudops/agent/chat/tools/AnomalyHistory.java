package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.anomaly.Anomaly;
import java.util.List;
import java.util.Optional;

/** The anomalies the agent has recorded, as the chat tools read them (the detector's store behind it). */
public interface AnomalyHistory {

    /** Anomalies matching {@code query}, newest first, at most {@code query.limit()}. */
    List<Anomaly> recent(AnomalyQuery query);

    /** One anomaly by id. */
    default Optional<Anomaly> find(String id) {
        return recent(AnomalyQuery.latest(500)).stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Why there is no history at all (no detector in this agent), or empty when there is one. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** A history that has nothing and says why. */
    static AnomalyHistory unavailable(String why) {
        return new AnomalyHistory() {
            @Override
            public List<Anomaly> recent(AnomalyQuery query) {
                return List.of();
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of(why);
            }
        };
    }
}
