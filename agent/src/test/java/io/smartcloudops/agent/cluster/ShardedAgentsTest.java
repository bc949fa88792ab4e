package io.smartcloudops.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.RedisProcess;
import io.smartcloudops.agent.testing.TestAgents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
                Eventually.within("three members", Duration.ofSeconds(20)).until(() -> agents.stream()
                        .allMatch(a -> a.shard().members().equals(List.of("shard-0", "shard-1", "shard-2"))));
                Map<String, Set<Integer>> owners = growing(agents, hosts);
                assertThat(owners.keySet()).as("every host is sampled").containsExactlyInAnyOrderElementsOf(hosts);
                owners.forEach((host, who) -> assertThat(who).as("%s has exactly one owner", host).hasSize(1));
                for (int i = 0; i < 3; i++) {
                    int agent = i;
                    assertThat(owners.values()).as("agent %d has a share", agent).anyMatch(who -> who.contains(agent));
                }

                agents.remove(0).close();
                Eventually.within("two members", Duration.ofSeconds(20)).until(() -> agents.stream()
                        .allMatch(a -> a.shard().members().equals(List.of("shard-1", "shard-2"))));
                Map<String, Set<Integer>> after = growing(agents, hosts);
                assertThat(after.keySet()).as("the two survivors cover the whole fleet").containsExactlyInAnyOrderElementsOf(hosts);
                after.forEach((host, who) -> assertThat(who).as("%s has exactly one owner", host).hasSize(1));
            } finally {
                agents.forEach(Agent::close);
            }
        }
    }

    /**
     * Host -> indexes of the agents that stored new samples of it, observed until every host of the fleet
     * has grown by two samples somewhere (rows arrive every second): long enough for a second owner to show.
     */
    private static Map<String, Set<Integer>> growing(List<Agent> agents, Collection<String> fleet) {
        List<Map<String, Integer>> before = new ArrayList<>();
        for (Agent a : agents) {
            Map<String, Integer> counts = new HashMap<>();
            a.store().hosts().forEach(h -> counts.put(h, a.store().sampleCount(h)));
            before.add(counts);
        }
        Eventually.within("every host to grow by two samples", Duration.ofSeconds(20)).until(() -> fleet.stream()
                .allMatch(h -> grownBy(agents, before, h) >= 2));
        Map<String, Set<Integer>> owners = new TreeMap<>();
        for (int i = 0; i < agents.size(); i++) {
            Agent a = agents.get(i);
            for (String h : a.store().hosts()) {
                if (a.store().sampleCount(h) > before.get(i).getOrDefault(h, 0)) {
                    owners.computeIfAbsent(h, k -> new HashSet<>()).add(i);
                }
            }
        }
        return owners;
    }

    private static int grownBy(List<Agent> agents, List<Map<String, Integer>> before, String host) {
        int most = 0;
        for (int i = 0; i < agents.size(); i++) {
            most = Math.max(most, agents.get(i).store().sampleCount(host) - before.get(i).getOrDefault(host, 0));
        }
        return most;
    }
}
