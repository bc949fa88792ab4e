package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.chat.tools.AnomalyHistory;
import io.smartcloudops.agent.chat.tools.AnomalyQuery;
import io.smartcloudops.api.anomaly.Anomaly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Test stand-in for the detector's anomaly store. */
public final class InMemoryAnomalyHistory implements AnomalyHistory {

    private final List<Anomaly> anomalies = new ArrayList<>();

    public synchronized InMemoryAnomalyHistory add(Anomaly a) {
        anomalies.add(a);
        return this;
    }

    @Override
    public synchronized List<Anomaly> recent(AnomalyQuery query) {
        return anomalies.stream().filter(query::matches).sorted(Comparator.comparing(Anomaly::timestamp).reversed())
                .limit(query.limit()).toList();
    }
}
