package io.smartcloudops.agent.chat.context;

import io.smartcloudops.api.anomaly.Anomaly;
import java.util.List;
import java.util.Map;

/**
 * What the assistant remembers between questions: conversation turns and the recent anomalies and actions.
 * In memory by default ({@link InMemoryChatContext}); in Redis ({@link RedisChatContext}) so that several
 * agents share it. Never throws for an unavailable store: the chat answers without context then.
 */
public interface ChatContext extends AutoCloseable {

    /** Earlier turns of a conversation, oldest first. */
    List<Turn> turns(String conversationId);

    void addTurn(String conversationId, Turn turn);

    /** Records (or updates, by id) an anomaly. */
    void recordAnomaly(Anomaly anomaly);

    /** Newest first, the latest version of each. */
    List<Anomaly> recentAnomalies(int limit);

    /** Records (or updates, by id) an action. */
    void recordAction(RecentAction action);

    /** Newest first, the latest version of each. */
    List<RecentAction> recentActions(int limit);

    /** {@code memory} or {@code redis}. */
    String kind();

    /** For {@code /status}: kind, health, sizes. */
    Map<String, Object> status();

    @Override
    void close();
}
