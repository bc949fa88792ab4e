package io.smartcloudops.agent.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether this agent owns a host: one agent scores and remediates each host. Without sharding every
 * host is owned; with it, the consistent-hash ring over the live members decides.
 */
public final class ShardAssignment implements AutoCloseable {

    private final Membership membership;
    private final int vnodes;
    private volatile ConsistentHashRing ring;

    private ShardAssignment(Membership membership, int vnodes) {
        this.membership = membership;
        this.vnodes = vnodes;
    }

    /** Every host is owned (one agent, no sharding). */
    public static ShardAssignment all() {
        return new ShardAssignment(null, 0);
    }

    public static ShardAssignment of(Membership membership, int vnodes) {
        return new ShardAssignment(membership, vnodes);
    }

    public boolean enabled() {
        return membership != null;
    }

    public boolean owns(String host) {
        if (membership == null) {
            return true;
        }
        return ringFor(membership.members()).owner(host).equals(membership.self());
    }

    private ConsistentHashRing ringFor(Set<String> members) {
        ConsistentHashRing r = ring;
        if (r == null || !r.members().equals(members)) {
            r = new ConsistentHashRing(members, vnodes);
            ring = r;
        }
        return r;
    }

    /** Live members in name order (just this agent's name when not sharded). */
    public List<String> members() {
        return membership == null ? List.of() : List.copyOf(new TreeSet<>(membership.members()));
    }

    /** For /status: this member and the live members. */
    public Object describe() {
        if (membership == null) {
            return Map.of("sharded", false);
        }
        return Map.of("sharded", true, "self", membership.self(), "members", members());
    }

    @Override
    public void close() {
        if (membership != null) {
            membership.close();
        }
    }
}
