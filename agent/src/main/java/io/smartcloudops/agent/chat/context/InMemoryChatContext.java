package io.smartcloudops.agent.chat.context;

import io.smartcloudops.api.anomaly.Anomaly;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chat context of one agent, in memory: bounded, conversations expire after the TTL. */
public final class InMemoryChatContext implements ChatContext {

    static final int MAX_CONVERSATIONS = 1000;
    static final int MAX_RECENT = 200;

    private record Conversation(Deque<Turn> turns, Instant lastUsed) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final int maxTurns;
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, Anomaly> anomalies = new LinkedHashMap<>();
    private final LinkedHashMap<String, RecentAction> actions = new LinkedHashMap<>();

    public InMemoryChatContext(Clock clock, Duration ttl, int maxTurns) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxTurns = maxTurns;
    }

    @Override
    public synchronized List<Turn> turns(String conversationId) {
        Conversation c = conversations.get(conversationId);
        if (c == null) {
            return List.of();
        }
        if (c.lastUsed().plus(ttl).isBefore(clock.instant())) {
            conversations.remove(conversationId);
            return List.of();
        }
        return List.copyOf(c.turns());
    }

    @Override
    public synchronized void addTurn(String conversationId, Turn turn) {
        Conversation c = conversations.get(conversationId);
        Deque<Turn> turns = c == null || c.lastUsed().plus(ttl).isBefore(clock.instant()) ? new ArrayDeque<>() : c.turns();
        turns.addLast(turn);
        while (turns.size() > Math.max(1, maxTurns)) {
            turns.removeFirst();
        }
        conversations.put(conversationId, new Conversation(turns, clock.instant()));
        while (conversations.size() > MAX_CONVERSATIONS) {
            conversations.remove(conversations.keySet().iterator().next());
        }
    }

    @Override
    public synchronized void recordAnomaly(Anomaly anomaly) {
        anomalies.remove(anomaly.id());
        anomalies.put(anomaly.id(), anomaly);
        trim(anomalies);
    }

    @Override
    public synchronized List<Anomaly> recentAnomalies(int limit) {
        List<Anomaly> out = new ArrayList<>(anomalies.values());
        out.sort(Comparator.comparing(Anomaly::timestamp).reversed());
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    @Override
    public synchronized void recordAction(RecentAction action) {
        actions.remove(action.id());
        actions.put(action.id(), action);
        trim(actions);
    }

    @Override
    public synchronized List<RecentAction> recentActions(int limit) {
        List<RecentAction> out = new ArrayList<>(actions.values());
        out.sort(Comparator.comparing(RecentAction::at).reversed());
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    private static void trim(LinkedHashMap<String, ?> map) {
        while (map.size() > MAX_RECENT) {
            map.remove(map.keySet().iterator().next());
        }
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public synchronized Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind());
        s.put("healthy", true);
        s.put("conversations", conversations.size());
        s.put("recent_anomalies", anomalies.size());
        s.put("recent_actions", actions.size());
        return s;
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
