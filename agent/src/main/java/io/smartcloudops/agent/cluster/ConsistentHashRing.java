package io.smartcloudops.agent.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hosts to members by consistent hashing: each member owns {@code vnodes} points on a 64-bit ring (the
 * first 8 bytes of SHA-256 of {@code member#k}); a host belongs to the first point at or after its own
 * hash. When a member leaves, only its hosts move, spread over the others.
 */
public final class ConsistentHashRing {

    private final NavigableMap<Long, String> points = new TreeMap<>();
    private final Set<String> members;

    public ConsistentHashRing(Collection<String> members, int vnodes) {
        this.members = Set.copyOf(new TreeSet<>(members));
        for (String m : this.members) {
            for (int k = 0; k < vnodes; k++) {
                points.put(hash(m + "#" + k), m);
            }
        }
    }

    public Set<String> members() {
        return members;
    }

    /** The member that owns {@code key}; throws when the ring is empty. */
    public String owner(String key) {
        if (points.isEmpty()) {
            throw new IllegalStateException("no members on the ring");
        }
        Map.Entry<Long, String> e = points.ceilingEntry(hash(key));
        return (e != null ? e : points.firstEntry()).getValue();
    }

    static long hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
