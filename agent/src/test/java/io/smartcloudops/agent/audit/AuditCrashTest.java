package io.smartcloudops.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.cli.AgentMain;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL in the middle of a burst of appends loses nothing acknowledged and leaves no torn record. */
class AuditCrashTest {

    @TempDir
    Path dir;

    @Test
    void killMinusNineMidBurstLeavesAWholeVerifiableChain() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long acknowledged = 0;
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AuditAppenderMain.class.getName(), dir.toString(), Integer.toString(200 + round * 1500))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    seen = Long.parseLong(line.substring("appended ".length()));
                    if (seen >= 300) {
                        break;
                    }
                }
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).isEqualTo(137);
            acknowledged += seen;

            List<String> lines = allLines();
            // Every line is one complete record: nothing torn, and nothing acknowledged lost.
            for (String l : lines) {
                AuditRecord r = Json.mapper().readValue(l, AuditRecord.class);
                assertThat(r.hash()).hasSize(64);
            }
            assertThat((long) lines.size()).isGreaterThanOrEqualTo(acknowledged);
            acknowledged = lines.size();
            AuditVerifier.Report report = AuditVerifier.verify(dir);
            assertThat(report.ok()).as(String.valueOf(report.broken())).isTrue();
            assertThat(report.torn()).isEmpty();
        }

        // `audit verify` agrees, and the agent's log picks the chain up where the killed process left it.
        assertThat(AgentMain.run("audit", "verify", dir.toString())).isZero();
        try (AuditLog log = new AuditLog(dir, Clock.systemUTC(), 0)) {
            String head = AuditVerifier.verify(dir).head();
            AuditRecord next = log.append(AuditRecord.builder(Instant.now(), AuditEvent.FINISHED)
                    .action(ActionType.RESTART_SERVICE).instance("web-1", null).result(AuditResult.FAILURE)
                    .by(Trigger.OPERATOR, "agent").requestId("req-0").durationMs(1L).detail("after the crash").build());
            assertThat(next.prevHash()).isEqualTo(head);
            assertThat(log.read(LocalDate.now(ZoneOffset.UTC).minusDays(1), LocalDate.now(ZoneOffset.UTC).plusDays(1)))
                    .hasSize((int) acknowledged + 1);
        }
        assertThat(AuditVerifier.verify(dir).ok()).isTrue();
    }

    private List<String> allLines() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted()
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
