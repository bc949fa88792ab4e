package io.smartcloudops.agent.remediate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Idempotency keys shared by the agents of one fleet through Redis: {@code <prefix>idempotency:<key>}
 * holds {fingerprint, remediation_id, agent}, bound with {@code SET NX} (one agent wins, atomically) for
 * the keys' 24 hours; {@code <prefix>remediation:<id>} holds the remediation's latest state, so another agent
 * answers a retried POST (and {@code GET /remediations/{id}}) with it.
 */
public final class RedisIdempotencyKeys implements SharedIdempotencyKeys {

    private static final Logger LOG = LoggerFactory.getLogger(RedisIdempotencyKeys.class);
    /** Unbinds a key only if it is still bound to the refused remediation. */
    private static final String RELEASE = """
            local v = redis.call('GET', KEYS[1])
            if v and cjson.decode(v)['remediation_id'] == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";
    /** Stores a state unless a later one is already there (updates can arrive out of order). */
    private static final String UPDATE = """
            local rank = redis.call('HGET', KEYS[1], 'rank')
            if rank and tonumber(rank) > tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'rank', ARGV[1], 'view', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";

    /** What a key is bound to, as stored. */
    record Bound(String fingerprint, String remediationId, String agent) {
    }

    private final UnifiedJedis redis;
    private final String prefix;
    private final String self;
    private final Duration retention;

    /**
     * @param self      this agent's name, shown to the others (its shard member id, or host and port)
     * @param retention how long a key is remembered (the service's 24 hours)
     */
    public RedisIdempotencyKeys(UnifiedJedis redis, String keyPrefix, String self, Duration retention) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.self = self;
        this.retention = retention;
    }

    @Override
    public Optional<Claim> claim(String key, String fingerprint, String remediationId) {
        String value = Json.write(new Bound(fingerprint, remediationId, self));
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                if ("OK".equals(redis.set(keyName(key), value, SetParams.setParams().nx().px(retention.toMillis())))) {
                    return Optional.empty();
                }
                String existing = redis.get(keyName(key));
                if (existing != null) {
                    Bound b = Json.mapper().readValue(existing, Bound.class);
                    return Optional.of(new Claim(b.fingerprint(), b.remediationId(), b.agent(), find(b.remediationId())));
                }
                // released or expired between the two calls: try to bind it again
            }
            throw new RemediationException.Unavailable("Idempotency-Key '" + key + "' changed hands three times in a row; try again");
        } catch (JedisException e) {
            throw new RemediationException.Unavailable("idempotency keys are shared through Redis (redis.url), which "
                    + "cannot be reached, so nothing was run: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new RemediationException.Unavailable("Idempotency-Key '" + key + "' is bound in Redis to something "
                    + "this agent cannot read (" + e.getOriginalMessage() + "), so nothing was run");
        }
    }

    @Override
    public void release(String key, String remediationId) {
        try {
            redis.eval(RELEASE, List.of(keyName(key)), List.of(remediationId));
        } catch (JedisException e) {
            LOG.warn("could not free Idempotency-Key '{}' in Redis after its request was refused (it stays used): {}",
                    key, e.toString());
        }
    }

    @Override
    public void update(Remediation r) {
        try {
            redis.eval(UPDATE, List.of(viewName(r.id())), List.of(Integer.toString(rank(r)), Json.write(r),
                    Long.toString(retention.toMillis())));
        } catch (JedisException e) {
            LOG.warn("could not share the state of remediation {} through Redis: {}", r.id(), e.toString());
        }
    }

    @Override
    public Optional<Remediation> find(String remediationId) {
        try {
            String view = redis.hget(viewName(remediationId), "view");
            return view == null ? Optional.empty() : Optional.of(Json.mapper().readValue(view, Remediation.class));
        } catch (JedisException | JsonProcessingException e) {
            LOG.warn("could not read remediation {} from Redis: {}", remediationId, e.toString());
            return Optional.empty();
        }
    }

    /** Later states rank higher: pending, running, finished, verified. */
    static int rank(Remediation r) {
        if (r.state().terminal()) {
            return r.effective() != null ? 3 : 2;
        }
        return r.state() == RemediationState.RUNNING ? 1 : 0;
    }

    private String keyName(String key) {
        return prefix + "idempotency:" + key;
    }

    private String viewName(String id) {
        return prefix + "remediation:" + id;
    }
}
