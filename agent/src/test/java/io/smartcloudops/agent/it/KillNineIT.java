package io.smartcloudops.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.FreePort;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the agent PROCESS (the shaded jar, as users run it) in the middle of a burst: four
 * clients pressing remediation buttons (real runs of a recording command and dry runs, each with its own
 * Idempotency-Key) while the detector raises and ends anomalies on four replayed hosts. Three times over
 * the same directory: after each restart every remediation the API acknowledged (2xx) and every anomaly it
 * served is there, a retried key does not run again, no JSONL line is torn, and {@code audit verify} passes.
 */
class KillNineIT {

    private static final int HOSTS = 4;
    private static final int CYCLES = 3;

    @TempDir
    Path dir;

    private RecordingCommand restart;

    private final List<Process> started = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void everythingAcknowledgedSurvivesKillNineAndTheLogsStayWhole() throws Exception {
        Path jar = Path.of("target/smartcloudops-agent.jar").toAbsolutePath();
        restart = new RecordingCommand(dir, "systemctl");
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        for (int h = 0; h < HOSTS; h++) {
            Files.writeString(fleet.resolve("host-" + h + ".csv"), spikyHost(h));
        }
        Files.writeString(dir.resolve("agent.yaml"), """
                source:
                  spec: "replay:%s?speed=100"
                  interval: 100ms
                remediation:
                  enabled: true
                  allowed_units: [nginx, worker, app]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  verification_delay: 0s
                  cooldown: 0s
                  max_per_hour: 100000
                  breaker:
                    failures: 100000   # runs cut off by a kill count as failed; the breaker is not the subject here
                detect:
                  model: ""
                  min_samples: 30
                """.formatted(fleet, restart.path(), restart.path()));

        Map<String, Remediation> acknowledged = new ConcurrentHashMap<>();
        Map<String, Anomaly> anomalies = new ConcurrentHashMap<>();
        int killedInFlight = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Process agent = start(jar);
            String base = awaitServing(agent);
            try (AgentClient op = AgentClient.create(base, TestAgents.OPERATOR_TOKEN, Duration.ofSeconds(5))) {
                checkSurvivors(op, acknowledged, anomalies);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    int client = c;
                    clients.add(Thread.ofVirtual().start(() -> press(base, client, stop, acknowledged)));
                }
                Thread watcher = Thread.ofVirtual().start(() -> watchAnomalies(op, stop, anomalies));
                long anomaliesBefore = anomalies.size();
                int acknowledgedBefore = 40 * (cycle + 1);
                Eventually.within("three anomalies and 40 acknowledged presses", Duration.ofSeconds(20))
                        .until(() -> anomalies.size() >= anomaliesBefore + 3 && acknowledged.size() >= acknowledgedBefore);
                agent.destroyForcibly();  // SIGKILL, with requests in flight
                assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(agent.exitValue()).as("killed by SIGKILL").isEqualTo(137);
                stop.set(true);
                for (Thread t : clients) {
                    t.join();
                }
                watcher.join();
                killedInFlight++;
            }
            assertNoTornLines();
        }
        Process agent = start(jar);
        String base = awaitServing(agent);
        try (AgentClient op = AgentClient.create(base, TestAgents.OPERATOR_TOKEN, Duration.ofSeconds(5))) {
            checkSurvivors(op, acknowledged, anomalies);
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
        Process verify = new ProcessBuilder(java(), "-jar", jar.toString(), "audit", "verify", dir.resolve("logs").toString())
                .redirectErrorStream(true).start();
        String report = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(report).isZero();
        System.out.printf("KillNineIT: %d kills during bursts; %d acknowledged remediations and %d anomalies all present "
                + "after restart; %d restarts ran; audit verify: %s%n", killedInFlight, acknowledged.size(), anomalies.size(),
                restart.calls().stream().filter(c -> c.getFirst().equals("restart")).count(), report.strip().replace('\n', ' '));
        assertThat(anomalies).as("the detector raised anomalies during the bursts").hasSizeGreaterThanOrEqualTo(3);
    }

    /** Normal rows, then escalating spikes (each higher than the last, so each is news to the detector). */
    private static String spikyHost(int h) {
        StringBuilder csv = new StringBuilder("timestamp,cpu,mem,load1\n");
        java.util.Random random = new java.util.Random(h);
        int row = 0;
        for (int i = 0; i < 40; i++) {
            csv.append(row(row++, 20 + random.nextDouble() * 4, 40 + random.nextDouble(), 0.5));
        }
        for (int k = 0; k < 12; k++) {
            for (int i = 0; i < 5; i++) {
                csv.append(row(row++, Math.min(99.5, 45 + 5 * k + random.nextDouble()), 40 + random.nextDouble(), 1 + k));
            }
            for (int i = 0; i < 16; i++) {
                csv.append(row(row++, 20 + random.nextDouble() * 4, 40 + random.nextDouble(), 0.5));
            }
        }
        return csv.toString();
    }

    private static String row(int i, double cpu, double mem, double load) {
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2026, 11, 1, 0, 0).plusSeconds(5L * i);
        return String.format(java.util.Locale.ROOT, "%s,%.1f,%.1f,%.2f%n", t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), cpu, mem, load);
    }

    private int port;

    private Process start(Path jar) throws IOException {
        port = FreePort.find();
        ProcessBuilder pb = new ProcessBuilder(java(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "serve",
                "--config", dir.resolve("agent.yaml").toString(), "--bind", "127.0.0.1:" + port)
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.out").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCLOUDOPS_"));
        pb.environment().put("SMARTCLOUDOPS_OPERATOR_TOKEN", TestAgents.OPERATOR_TOKEN);
        pb.environment().put("SMARTCLOUDOPS_LOGS_DIR", dir.resolve("logs").toString());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String awaitServing(Process agent) throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        try {
            Eventually.within("the agent to serve", Duration.ofSeconds(60)).until(() -> {
                if (!agent.isAlive()) {
                    throw new AssertionError("agent exited: " + Files.readString(dir.resolve("agent.out")));
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false; // starting
                }
            });
            return base;
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("agent not serving: " + Files.readString(dir.resolve("agent.out")), e);
        }
    }

    /** One client: alternating real runs and dry runs, each with a fresh key; keeps what was acknowledged. */
    private static void press(String base, int client, AtomicBoolean stop, Map<String, Remediation> acknowledged) {
        List<String> units = List.of("nginx", "worker", "app");
        try (AgentClient op = AgentClient.create(base, TestAgents.OPERATOR_TOKEN, Duration.ofSeconds(5))) {
            String host = op.remediationOptions().targets().stream().filter(t -> t.local()).findFirst().orElseThrow().name();
            for (int i = 0; !stop.get(); i++) {
                String key = "c" + client + "-" + UUID.randomUUID();
                try {
                    Remediation r = op.remediate(RemediationRequest.restartService(host, units.get(i % 3), i % 2 == 0,
                            "burst " + client + "/" + i), key);
                    acknowledged.put(key, r);
                } catch (AgentApiException e) {
                    if (!e.unreachable()) {
                        throw new AssertionError("refused during the burst: " + e.getMessage(), e);
                    }
                    return; // the agent died under us
                }
            }
        } catch (AgentApiException e) {
            // killed before the first answer
        }
    }

    private static void watchAnomalies(AgentClient op, AtomicBoolean stop, Map<String, Anomaly> seen) {
        while (!stop.get()) {
            try {
                for (Anomaly a : op.anomalies(1000, null, null).anomalies()) {
                    seen.merge(a.id(), a, (old, now) -> now.timestamp().isBefore(old.timestamp()) ? old : now);
                }
                Thread.sleep(100); // a poller's pace, while the agent runs and is killed: not a wait for a condition
            } catch (AgentApiException | InterruptedException e) {
                return;
            }
        }
    }

    private void checkSurvivors(AgentClient op, Map<String, Remediation> acknowledged, Map<String, Anomaly> anomalies)
            throws Exception {
        long runsBefore = restart.calls().stream().filter(c -> c.getFirst().equals("restart")).count();
        for (Map.Entry<String, Remediation> e : acknowledged.entrySet()) {
            Remediation now = op.remediation(e.getValue().id());
            assertThat(now.idempotencyKey()).isEqualTo(e.getKey());
            assertThat(now.params()).isEqualTo(e.getValue().params());
        }
        // a client retrying after the crash gets the same remediation and nothing runs again
        for (Map.Entry<String, Remediation> e : acknowledged.entrySet().stream().limit(20).toList()) {
            Remediation r = e.getValue();
            Remediation again = op.remediate(new RemediationRequest(r.action().key(), r.target(), r.params(), r.dryRun(),
                    "retried after the crash"), e.getKey());
            assertThat(again.id()).isEqualTo(r.id());
        }
        assertThat(restart.calls().stream().filter(c -> c.getFirst().equals("restart")).count()).isEqualTo(runsBefore);
        Map<String, Anomaly> reloaded = new java.util.HashMap<>();
        op.anomalies(1000, "24h", null).anomalies().forEach(a -> reloaded.put(a.id(), a));
        for (Anomaly a : anomalies.values()) {
            assertThat(reloaded).as("anomaly %s on %s survived", a.id(), a.host()).containsKey(a.id());
            if (a.end() != null) {
                assertThat(reloaded.get(a.id()).end()).isEqualTo(a.end());
            }
        }
    }

    private void assertNoTornLines() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                assertThat(bytes.length == 0 || bytes[bytes.length - 1] == '\n').as("%s ends with a whole line", f).isTrue();
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        assertThat(Json.mapper().readTree(line).isObject()).as("%s: %s", f, line).isTrue();
                    }
                }
            }
        }
    }
}
