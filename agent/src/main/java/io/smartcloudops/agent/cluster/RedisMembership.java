package io.smartcloudops.agent.cluster;

import io.smartcloudops.agent.lifecycle.Shutdown;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Live membership through Redis: each agent renews {@code PREFIX member:ID} every heartbeat with a time
 * to live of three heartbeats, and reads the others' keys. An agent that stops (or crashes) drops off
 * within three heartbeats and its hosts move to the remaining members; a clean stop removes its key at once.
 * If Redis is unreachable, the last known membership is kept rather than taking every host.
 */
public final class RedisMembership implements Membership {

    private static final Logger LOG = LoggerFactory.getLogger(RedisMembership.class);

    private final UnifiedJedis redis;
    private final String self;
    private final String prefix;
    private final Duration heartbeat;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Set<String> members;
    private final Thread thread;

    public RedisMembership(UnifiedJedis redis, String keyPrefix, String self, Duration heartbeat) {
        this.redis = redis;
        this.self = self;
        this.prefix = keyPrefix + "member:";
        this.heartbeat = heartbeat;
        this.members = Set.of(self);
        beat();
        this.thread = Thread.ofVirtual().name("cluster-heartbeat").start(this::loop);
    }

    private void loop() {
        while (!closed.get()) {
            try {
                Thread.sleep(heartbeat);
            } catch (InterruptedException e) {
                return;
            }
            beat();
        }
    }

    private void beat() {
        try {
            redis.set(prefix + self, Long.toString(System.currentTimeMillis()),
                    SetParams.setParams().px(heartbeat.toMillis() * 3));
            Set<String> live = new TreeSet<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().match(prefix + "*").count(200);
            do {
                ScanResult<String> page = redis.scan(cursor, params);
                for (String key : page.getResult()) {
                    live.add(key.substring(prefix.length()));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            live.add(self);
            if (!live.equals(members)) {
                LOG.info("cluster members now {}", live);
            }
            members = Set.copyOf(live);
        } catch (RuntimeException e) {
            LOG.warn("cluster heartbeat to Redis failed, keeping members {}: {}", members, e.toString());
        }
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public Set<String> members() {
        return members;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            thread.interrupt();
            Shutdown.join(thread, "the cluster heartbeat");  // before the key is deleted: a late beat would put it back
            try {
                redis.del(prefix + self);
            } catch (RuntimeException e) {
                LOG.debug("could not remove {} from Redis: {}", self, e.toString());
            }
        }
    }
}
