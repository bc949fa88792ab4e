package io.smartcloudops.agent.cluster;

import java.util.Set;

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

    /** For /status: this member and the live members. */
    public Object describe() {
        if (membership == null) {
            return java.util.Map.of("sharded", false);
        }
        return java.util.Map.of("sharded", true, "self", membership.self(), "members", membership.members());
    }

    @Override
    public void close() {
        if (membership != null) {
            membership.close();
        }
    }
}
