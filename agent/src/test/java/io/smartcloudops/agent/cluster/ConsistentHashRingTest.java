package io.smartcloudops.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistentHashRingTest {

    @Test
    void splitsHostsRoughlyEvenlyAndMovesOnlyTheLeaversHosts() {
        ConsistentHashRing three = new ConsistentHashRing(List.of("shard-0", "shard-1", "shard-2"), 64);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> before = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            String host = "ip-10-0-" + (i / 250) + "-" + (i % 250);
            String owner = three.owner(host);
            before.put(host, owner);
            counts.merge(owner, 1, Integer::sum);
        }
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(700, 1300));

        ConsistentHashRing two = new ConsistentHashRing(List.of("shard-0", "shard-2"), 64);
        before.forEach((host, owner) -> {
            if (!owner.equals("shard-1")) {
                assertThat(two.owner(host)).as("%s stays where it was", host).isEqualTo(owner);
            } else {
                assertThat(two.owner(host)).isIn("shard-0", "shard-2");
            }
        });
    }

    @Test
    void ownerIsDeterministicAcrossInstancesAndOrder() {
        ConsistentHashRing a = new ConsistentHashRing(List.of("x", "y", "z"), 16);
        ConsistentHashRing b = new ConsistentHashRing(List.of("z", "x", "y"), 16);
        for (int i = 0; i < 100; i++) {
            assertThat(a.owner("h" + i)).isEqualTo(b.owner("h" + i));
        }
        assertThatThrownBy(() -> new ConsistentHashRing(List.of(), 16).owner("h")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shardSpecIsValidated() {
        assertThat(ShardSpec.parse("1/3")).isEqualTo(new ShardSpec(1, 3));
        assertThatThrownBy(() -> ShardSpec.parse("3/3")).hasMessageContaining("0..2");
        assertThatThrownBy(() -> ShardSpec.parse("a/b")).hasMessageContaining("is not i/n");
        assertThatThrownBy(() -> ShardSpec.parse("1")).hasMessageContaining("is not i/n");
        assertThat(new StaticMembership(ShardSpec.parse("0/2")).members()).containsExactly("shard-0", "shard-1");
    }
}
