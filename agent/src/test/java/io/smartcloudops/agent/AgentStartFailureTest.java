package io.smartcloudops.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.testing.RedisProcess;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * An agent that cannot start leaves nothing behind: the console embeds the agent and lives on after a
 * failed start (the user fixes the file and tries again), and so do tests. Each case opens what a real
 * start opens before the failing step — a Redis connection with its membership heartbeat, the audit log
 * (written at start: a remediation the last run left running is recorded as failed), the remediation
 * timer — and checks that all of it is closed once the exception is out.
 */
class AgentStartFailureTest {

    @TempDir
    Path dir;

    @Test
    void aBadRulesFileClosesRedisTheAuditLogAndTheTimers() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "rules:\n  - name: r\n    when: cpu >\n");
        try (RedisProcess redis = RedisProcess.start(dir)) {
            Map<String, String> overrides = startsWithSomethingToWrite(Map.of("redis.url", redis.url(),
                    "cluster.shard", "0/1", "rules.path", rules.toString(), "detect.enabled", "false"));
            Set<Thread> before = Thread.getAllStackTraces().keySet();

            assertThatThrownBy(() -> TestAgents.start(dir, overrides)).hasMessageContaining("rules.yaml");

            assertNothingLeft(before, redis);
        }
    }

    @Test
    void aTakenPortClosesEverythingTheAgentBuilt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             RedisProcess redis = RedisProcess.start(dir)) {
            Map<String, String> overrides = startsWithSomethingToWrite(Map.of("redis.url", redis.url(),
                    "cluster.shard", "0/1", "detect.enabled", "false",
                    "server.bind", "127.0.0.1:" + taken.getLocalPort()));
            Set<Thread> before = Thread.getAllStackTraces().keySet();

            assertThatThrownBy(() -> TestAgents.start(dir, overrides)).isInstanceOf(RuntimeException.class);

            assertNothingLeft(before, redis);
        }
    }

    /** A remediation the last run left "started": the next start writes its end to the audit log. */
    private Map<String, String> startsWithSomethingToWrite(Map<String, String> overrides) {
        try (AuditLog log = new AuditLog(dir.resolve("logs"), Clock.systemUTC(), 0)) {
            log.append(AuditRecord.builder(log.now(), AuditEvent.STARTED).action(ActionType.RESTART_SERVICE)
                    .instance("web-1", null).result(AuditResult.RUNNING).by(Trigger.OPERATOR, "alice")
                    .params(Map.of("unit", "nginx"))
                    .requestId("00000000-0000-0000-0000-000000000001").build());
        }
        return overrides;
    }

    private void assertNothingLeft(Set<Thread> before, RedisProcess redis) throws Exception {
        // RemediationService.start ran (it wrote the record above) and scheduled its timer: that thread must end
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> !before.contains(t) && t.getName().equals("remediation-timers") && t.isAlive())
                .as("remediation timer threads still running").isEmpty());
        Path today = new AuditLog(dir.resolve("logs"), Clock.systemUTC(), 0).fileFor(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(Files.readString(today)).as("the start wrote to the audit log").contains("\"event\":\"finished\"");
        assertThat(openFilesUnder(dir.resolve("logs"))).as("audit files still open").isEmpty();
        try (RedisClient client = redis.client()) {
            // the membership heartbeat and the connection pool: only this client is left
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(new String((byte[]) client.sendCommand(
                    Protocol.Command.CLIENT, "LIST"), StandardCharsets.UTF_8).lines().count()).isEqualTo(1));
        }
    }

    private static List<Path> openFilesUnder(Path dir) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.flatMap(fd -> {
                try {
                    return Stream.of(Files.readSymbolicLink(fd));
                } catch (IOException gone) {
                    return Stream.empty();
                }
            }).filter(target -> target.startsWith(dir.toAbsolutePath())).toList();
        }
    }
}
