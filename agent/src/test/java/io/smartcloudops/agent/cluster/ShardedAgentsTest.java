package io.smartcloudops.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.RedisProcess;
import io.smartcloudops.agent.testing.TestAgents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three agents on loopback sharing a real Redis split a fleet of replayed hosts and take over a stopped one's. */
class ShardedAgentsTest {

    @TempDir
    Path dir;

    @Test
    void everyHostHasExactlyOneOwnerAndAStoppedAgentsHostsMove() throws Exception {
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        List<String> hosts = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            String host = "web-" + h;
            hosts.add(host);
            StringBuilder csv = new StringBuilder("timestamp,cpu,mem\n");
            for (int i = 0; i < 50; i++) {
                csv.append(String.format("2026-11-01 00:%02d:%02d,%d,%d%n", i / 12, (i % 12) * 5, 10 + h, 40));
            }
            Files.writeString(fleet.resolve(host + ".csv"), csv);
        }
        try (RedisProcess redis = RedisProcess.start(Files.createDirectories(dir.resolve("redis")))) {
            List<Agent> agents = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    agents.add(TestAgents.start(Files.createDirectories(dir.resolve("agent" + i)), Map.of(
                            "source.spec", "replay:" + fleet + "?speed=5&loop=true",
                            "source.interval", "200ms",
                            "redis.url", redis.url(),
                            "cluster.shard", i + "/3",
                            "cluster.heartbeat", "200ms")));
                }
                await(() -> agents.stream().allMatch(a -> a.shard().describe().toString().contains("shard-0, shard-1, shard-2")));
                Thread.sleep(2_000); // hosts sampled before every member had joined go stale
                await(() -> union(agents).size() == hosts.size());
                assertThat(union(agents)).containsExactlyInAnyOrderElementsOf(hosts);
                for (int i = 0; i < 3; i++) {
                    for (int j = i + 1; j < 3; j++) {
                        Set<String> overlap = fresh(agents.get(i));
                        overlap.retainAll(fresh(agents.get(j)));
                        assertThat(overlap).as("agents %d and %d share no host", i, j).isEmpty();
                    }
                    assertThat(fresh(agents.get(i))).as("each agent has a share").isNotEmpty();
                }
                Set<String> orphaned = fresh(agents.get(0));
                agents.remove(0).close();
                await(() -> {
                    Set<String> covered = union(agents);
                    return covered.containsAll(orphaned);
                });
                assertThat(union(agents)).as("the two survivors cover the whole fleet").containsAll(hosts);
            } finally {
                agents.forEach(Agent::close);
            }
        }
    }

    /** Hosts the agent stored a sample of in the last 1.5 s (rows arrive every second per host). */
    private static Set<String> fresh(Agent a) {
        Set<String> hosts = new HashSet<>();
        long now = System.currentTimeMillis();
        for (String h : a.store().hosts()) {
            if (a.store().lastSeen(h).map(t -> now - t.toEpochMilli() < 1500).orElse(false)) {
                hosts.add(h);
            }
        }
        return hosts;
    }

    private static Set<String> union(List<Agent> agents) {
        Set<String> all = new HashSet<>();
        agents.forEach(a -> all.addAll(fresh(a)));
        return all;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 20 s");
    }
}
