package io.smartcloudops.agent.chat.context;

import io.smartcloudops.agent.chat.tools.AnomalyHistory;
import io.smartcloudops.agent.chat.tools.AnomalyQuery;
import io.smartcloudops.api.anomaly.Anomaly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This agent's anomaly history plus the recent anomalies other agents shared through the chat context
 * (their shards of the fleet), one entry per id with this agent's own record preferred.
 */
public final class SharedAnomalyHistory implements AnomalyHistory {

    private final AnomalyHistory local;
    private final ChatContext context;

    public SharedAnomalyHistory(AnomalyHistory local, ChatContext context) {
        this.local = local;
        this.context = context;
    }

    @Override
    public List<Anomaly> recent(AnomalyQuery query) {
        Map<String, Anomaly> byId = new LinkedHashMap<>();
        for (Anomaly a : local.recent(query)) {
            byId.put(a.id(), a);
        }
        for (Anomaly a : context.recentAnomalies(RedisChatContext.MAX_RECENT)) {
            if (query.matches(a)) {
                byId.putIfAbsent(a.id(), a);
            }
        }
        List<Anomaly> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Anomaly::timestamp).reversed());
        return List.copyOf(out.subList(0, Math.min(query.limit(), out.size())));
    }

    @Override
    public Optional<String> unavailableReason() {
        // shared anomalies make the history useful even on an agent without its own detector
        return context.recentAnomalies(1).isEmpty() ? local.unavailableReason() : Optional.empty();
    }
}
