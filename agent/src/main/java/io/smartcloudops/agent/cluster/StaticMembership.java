package io.smartcloudops.agent.cluster;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code --shard i/n} without Redis: the members are fixed; a stopped agent's hosts are not covered. */
public record StaticMembership(ShardSpec spec) implements Membership {

    @Override
    public String self() {
        return spec.memberId();
    }

    @Override
    public Set<String> members() {
        Set<String> all = new LinkedHashSet<>();
        for (int i = 0; i < spec.count(); i++) {
            all.add(new ShardSpec(i, spec.count()).memberId());
        }
        return all;
    }
}
