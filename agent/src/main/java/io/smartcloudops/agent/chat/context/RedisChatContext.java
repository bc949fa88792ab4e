package io.smartcloudops.agent.chat.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.anomaly.Anomaly;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * The chat context in Redis, shared by every agent pointed at the same server: conversations are lists
 * ({@code <prefix>chat:conv:<id>}, trimmed to the last turns, expiring after the TTL); recent
 * anomalies and actions are a hash of JSON by id plus a sorted set by time, trimmed to the newest 200.
 * When Redis is unreachable the chat keeps answering without context and {@code /status} says so.
 */
public final class RedisChatContext implements ChatContext {

    private static final Logger LOG = LoggerFactory.getLogger(RedisChatContext.class);
    static final int MAX_RECENT = 200;
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final UnifiedJedis redis;
    private final String prefix;
    private final String endpoint;
    private final Clock clock;
    private final Duration ttl;
    private final int maxTurns;
    private volatile boolean healthy = true;
    private volatile String lastError;
    private volatile Instant lastLogged = Instant.EPOCH;

    /**
     * @param redis     the agent's shared Redis connection (closed by the agent, not here)
     * @param keyPrefix {@code redis.key_prefix}; keys are {@code <prefix>chat:...}
     * @param endpoint  host:port for status and logs (no credentials)
     */
    public RedisChatContext(UnifiedJedis redis, String keyPrefix, String endpoint, Clock clock, Duration ttl, int maxTurns) {
        this.redis = redis;
        this.prefix = keyPrefix + "chat:";
        this.endpoint = endpoint;
        this.clock = clock;
        this.ttl = ttl;
        this.maxTurns = maxTurns;
    }

    @Override
    public List<Turn> turns(String conversationId) {
        return guard(() -> read(redis.lrange(prefix + "conv:" + conversationId, 0, -1), Turn.class), List.of());
    }

    @Override
    public void addTurn(String conversationId, Turn turn) {
        String key = prefix + "conv:" + conversationId;
        guard(() -> {
            redis.rpush(key, Json.write(turn));
            redis.ltrim(key, -Math.max(1, maxTurns), -1);
            redis.pexpire(key, ttl.toMillis());
            return null;
        }, null);
    }

    @Override
    public void recordAnomaly(Anomaly anomaly) {
        put("anomalies", anomaly.id(), anomaly.timestamp(), Json.write(anomaly));
    }

    @Override
    public List<Anomaly> recentAnomalies(int limit) {
        return recent("anomalies", limit, Anomaly.class);
    }

    @Override
    public void recordAction(RecentAction action) {
        put("actions", action.id(), action.at(), Json.write(action));
    }

    @Override
    public List<RecentAction> recentActions(int limit) {
        return recent("actions", limit, RecentAction.class);
    }

    private void put(String name, String id, Instant at, String json) {
        String hash = prefix + name;
        String byTime = prefix + name + ":by_time";
        guard(() -> {
            redis.hset(hash, id, json);
            redis.zadd(byTime, at.toEpochMilli(), id);
            long size = redis.zcard(byTime);
            if (size > MAX_RECENT) {
                List<String> old = redis.zrange(byTime, 0, size - MAX_RECENT - 1);
                if (!old.isEmpty()) {
                    redis.zrem(byTime, old.toArray(String[]::new));
                    redis.hdel(hash, old.toArray(String[]::new));
                }
            }
            redis.pexpire(hash, ttl.toMillis());
            redis.pexpire(byTime, ttl.toMillis());
            return null;
        }, null);
    }

    private <T> List<T> recent(String name, int limit, Class<T> type) {
        if (limit <= 0) {
            return List.of();
        }
        return guard(() -> {
            List<String> ids = redis.zrevrange(prefix + name + ":by_time", 0, limit - 1);
            if (ids.isEmpty()) {
                return List.<T>of();
            }
            List<String> values = redis.hmget(prefix + name, ids.toArray(String[]::new));
            return read(values.stream().filter(Objects::nonNull).toList(), type);
        }, List.of());
    }

    private static <T> List<T> read(List<String> jsons, Class<T> type) {
        List<T> out = new ArrayList<>(jsons.size());
        for (String j : jsons) {
            try {
                out.add(Json.mapper().readValue(j, type));
            } catch (JsonProcessingException e) {
                // written by another version or damaged: skip that entry, keep the rest
                LOG.debug("skipping unreadable chat context entry: {}", e.getOriginalMessage());
            }
        }
        return List.copyOf(out);
    }

    private <T> T guard(Supplier<T> op, T fallback) {
        try {
            T result = op.get();
            if (!healthy) {
                LOG.info("chat context: Redis at {} is reachable again", endpoint);
            }
            healthy = true;
            return result;
        } catch (RuntimeException e) {
            healthy = false;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            Instant now = clock.instant();
            if (now.isAfter(lastLogged.plus(LOG_EVERY))) {
                lastLogged = now;
                LOG.warn("chat context: Redis at {} failed ({}); answering without shared context", endpoint, lastError);
            }
            return fallback;
        }
    }

    /** Asks Redis now (for status and tests). */
    public boolean ping() {
        return guard(() -> "PONG".equalsIgnoreCase(redis.ping()), false);
    }

    public boolean healthy() {
        return healthy;
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind());
        s.put("endpoint", endpoint);
        s.put("healthy", healthy);
        if (!healthy && lastError != null) {
            s.put("error", lastError);
        }
        return s;
    }

    @Override
    public void close() {
        // the connection is the agent's, shared with other features: it closes it
    }
}
