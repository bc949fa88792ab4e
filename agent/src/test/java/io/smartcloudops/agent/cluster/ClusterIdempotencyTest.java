package io.smartcloudops.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.RedisProcess;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three sharded agents sharing a real Redis: an idempotency key used on one agent is honoured by the
 * others (the action runs once, every agent answers with that remediation), a refused request frees its
 * key everywhere, and without Redis a new key is refused (503) rather than risking a second run.
 */
class ClusterIdempotencyTest {

    @TempDir
    Path dir;

    private final List<Agent> agents = new ArrayList<>();
    private final List<AgentClient> operators = new ArrayList<>();

    @Test
    void aKeyUsedOnOneAgentIsHonouredByTheOthers() throws Exception {
        RecordingCommand systemctl = new RecordingCommand(dir, "systemctl");
        try (RedisProcess redis = RedisProcess.start(Files.createDirectories(dir.resolve("redis")))) {
            try {
                for (int i = 0; i < 3; i++) {
                    Path home = Files.createDirectories(dir.resolve("agent" + i));
                    Path yaml = home.resolve("agent.yaml");
                    Files.writeString(yaml, """
                            remediation:
                              enabled: true
                              allowed_units: [nginx, worker, app]
                              restart_command: [%s, restart, "{unit}"]
                              verify_command: [%s, is-active, "{unit}"]
                              verification_delay: 0s
                            """.formatted(systemctl.path(), systemctl.path()));
                    agents.add(Agent.start(new ConfigLoader(Map.of()).load(yaml, Map.of(
                            "server.bind", "127.0.0.1:0",
                            "auth.viewer_token", TestAgents.VIEWER_TOKEN,
                            "auth.operator_token", TestAgents.OPERATOR_TOKEN,
                            "logs.dir", home.resolve("logs").toString(),
                            "source.interval", "1h",
                            "redis.url", redis.url(),
                            "cluster.shard", i + "/3",
                            "cluster.heartbeat", "200ms")), Map.of(), Clock.systemUTC()));
                    operators.add(TestAgents.operator(agents.getLast()));
                }
                String host = operators.getFirst().remediationOptions().targets().stream()
                        .filter(TargetOptions::local).findFirst().orElseThrow().name();

                // The same key on all three agents, one after the other: one run, one remediation everywhere.
                Remediation first = operators.get(0).remediate(restart(host, "nginx"), "press-1");
                assertThat(first.state()).isEqualTo(RemediationState.RUNNING);
                Remediation again1 = operators.get(1).remediate(restart(host, "nginx"), "press-1");
                Remediation again2 = operators.get(2).remediate(restart(host, "nginx"), "press-1");
                assertThat(List.of(again1.id(), again2.id())).containsOnly(first.id());
                Remediation done = awaitVerified(operators.get(0), first.id());
                assertThat(done.state()).isEqualTo(RemediationState.SUCCEEDED);
                assertThat(restarts(systemctl)).containsExactly(List.of("restart", "nginx"));
                // the other agents answer with its latest state, also by id
                Remediation seenElsewhere = operators.get(2).remediate(restart(host, "nginx"), "press-1");
                assertThat(seenElsewhere.state()).isEqualTo(RemediationState.SUCCEEDED);
                assertThat(seenElsewhere.effective()).isTrue();
                assertThat(operators.get(1).remediation(first.id()).state()).isEqualTo(RemediationState.SUCCEEDED);

                // The key bound to another request is a conflict on every agent.
                for (AgentClient op : operators.subList(1, 3)) {
                    assertThatThrownBy(() -> op.remediate(restart(host, "worker"), "press-1"))
                            .isInstanceOfSatisfying(AgentApiException.class, e -> {
                                assertThat(e.status()).isEqualTo(409);
                                assertThat(e.getMessage()).contains("press-1").contains(first.id());
                            });
                }

                // Thirty concurrent presses of one new key spread over the three agents: exactly one run.
                ExecutorService pool = Executors.newFixedThreadPool(12);
                List<Future<Object>> answers = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    AgentClient op = operators.get(i % 3);
                    answers.add(pool.submit(() -> {
                        try {
                            return op.remediate(restart(host, "app"), "press-2");
                        } catch (AgentApiException e) {
                            return e;
                        }
                    }));
                }
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                List<String> ids = new ArrayList<>();
                for (Future<Object> f : answers) {
                    Object a = f.get();
                    if (a instanceof Remediation r) {
                        ids.add(r.id());
                    } else {
                        AgentApiException e = (AgentApiException) a;
                        assertThat(e.status()).as(e.getMessage()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("is being handled by agent");
                    }
                }
                assertThat(ids).isNotEmpty().containsOnly(ids.getFirst());
                awaitVerified(operators.get(0), ids.getFirst());
                assertThat(restarts(systemctl)).containsExactly(List.of("restart", "nginx"), List.of("restart", "app"));

                // A refused request does not use up its key: the cooldown refuses nginx on the agent that ran
                // it, and the same key then runs a different request on another agent.
                AgentClient ranNginx = operators.get(0);
                assertThatThrownBy(() -> ranNginx.remediate(restart(host, "nginx"), "press-3"))
                        .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(409));
                Remediation worker = operators.get(1).remediate(restart(host, "worker"), "press-3");
                awaitVerified(operators.get(1), worker.id());
                assertThat(restarts(systemctl)).hasSize(3).last().isEqualTo(List.of("restart", "worker"));

                // Redis gone: a new key cannot be bound safely, so nothing runs (503); a key this agent bound
                // itself is still answered from its own memory.
                redis.close();
                assertThatThrownBy(() -> operators.get(2).remediate(restart(host, "worker"), "press-4"))
                        .isInstanceOfSatisfying(AgentApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.getMessage()).contains("Redis").contains("nothing was run");
                        });
                assertThat(operators.get(0).remediate(restart(host, "nginx"), "press-1").id()).isEqualTo(first.id());
                assertThat(restarts(systemctl)).hasSize(3);
            } finally {
                operators.forEach(AgentClient::close);
                agents.forEach(Agent::close);
            }
        }
    }

    private static RemediationRequest restart(String host, String unit) {
        return RemediationRequest.restartService(host, unit, false, "cluster test");
    }

    private static List<List<String>> restarts(RecordingCommand systemctl) throws Exception {
        return systemctl.calls().stream().filter(c -> c.getFirst().equals("restart")).toList();
    }

    private static Remediation awaitVerified(AgentClient op, String id) {
        return Eventually.within("remediation " + id + " to end and be verified", Duration.ofSeconds(15))
                .until(() -> op.remediation(id), r -> r.state().terminal()
                        && !(r.state() == RemediationState.SUCCEEDED && r.effective() == null));
    }
}
