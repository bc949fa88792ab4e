package io.smartcloudops.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T23:59:00Z"));

    static AuditRecord record(Instant at, String event, String requestId) {
        return AuditRecord.builder(at, AuditEvent.fromKey(event).orElseThrow())
                .action(ActionType.RESTART_SERVICE).instance("web-1", "i-0123456789abcdef0").result(AuditResult.SUCCESS)
                .by(Trigger.OPERATOR, "alice").requestId(requestId).durationMs(12L)
                .detail("systemctl restart nginx exited with 0").params(Map.of("unit", "nginx")).reason("high cpu")
                .idempotencyKey("key-1").build();
    }

    private List<String> lines(LocalDate day) throws Exception {
        return Files.readAllLines(dir.resolve("remediation-" + day + ".jsonl"), StandardCharsets.UTF_8);
    }

    @Test
    void everyLineCarriesThePreviousLinesHashAcrossDays() throws Exception {
        try (AuditLog log = new AuditLog(dir, clock, 0)) {
            AuditRecord a = log.append(record(clock.instant(), "started", "r1"));
            clock.advance(Duration.ofSeconds(30));
            AuditRecord b = log.append(record(clock.instant(), "finished", "r1"));
            clock.advance(Duration.ofMinutes(2)); // next UTC day: a new file
            AuditRecord c = log.append(record(clock.instant(), "verified", "r1"));

            assertThat(a.prevHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(b.prevHash()).isEqualTo(a.hash());
            assertThat(c.prevHash()).isEqualTo(b.hash());
            assertThat(lines(LocalDate.parse("2026-03-01"))).hasSize(2);
            assertThat(lines(LocalDate.parse("2026-03-02"))).hasSize(1);
            // The line is plain JSON with every documented field.
            AuditRecord parsed = Json.mapper().readValue(lines(LocalDate.parse("2026-03-01")).get(1), AuditRecord.class);
            assertThat(parsed).isEqualTo(b);
            assertThat(lines(LocalDate.parse("2026-03-01")).getFirst()).startsWith("{\"timestamp\":\"2026-03-01T23:59:00Z\",\"event\":\"started\"")
                    .contains("\"trigger\":\"operator\"", "\"actor\":\"alice\"", "\"dry_run\":false", "\"request_id\":\"r1\"",
                            "\"duration_ms\":12", "\"detail\":").endsWith("\"hash\":\"" + a.hash() + "\"}");
            AuditVerifier.Report report = AuditVerifier.verify(dir);
            assertThat(report.ok()).isTrue();
            assertThat(report.records()).isEqualTo(3);
            assertThat(report.files()).isEqualTo(2);
            assertThat(report.head()).isEqualTo(c.hash());
        }
    }

    @Test
    void aChangedLineIsReportedAsTheFirstBrokenOne() throws Exception {
        try (AuditLog log = new AuditLog(dir, clock, 0)) {
            for (int i = 0; i < 5; i++) {
                log.append(record(clock.instant(), "started", "r" + i));
            }
        }
        Path file = dir.resolve("remediation-2026-03-01.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""));
        Files.write(file, lines);

        AuditVerifier.Report report = AuditVerifier.verify(file);
        assertThat(report.ok()).isFalse();
        assertThat(report.broken().orElseThrow().line()).isEqualTo(3);
        assertThat(report.broken().orElseThrow().reason()).contains("does not match its hash");
    }

    @Test
    void aRemovedOrReorderedLineBreaksTheChainAtTheNextLine() throws Exception {
        try (AuditLog log = new AuditLog(dir, clock, 0)) {
            for (int i = 0; i < 5; i++) {
                log.append(record(clock.instant(), "started", "r" + i));
            }
        }
        Path file = dir.resolve("remediation-2026-03-01.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        AuditVerifier.Report removed = AuditVerifier.verify(file);
        assertThat(removed.broken().orElseThrow().line()).isEqualTo(2);
        assertThat(removed.broken().orElseThrow().reason()).contains("prev_hash does not match");

        lines = new ArrayList<>(Files.readAllLines(file));
        String moved = lines.remove(0);
        lines.add(moved);
        Files.write(file, lines);
        assertThat(AuditVerifier.verify(file).ok()).isFalse();
    }

    @Test
    void twoWritersOnOneDirectoryKeepOneChain() throws Exception {
        // The agent and the remediate CLI are two processes; two logs on one directory behave the same way.
        try (AuditLog agent = new AuditLog(dir, clock, 0); AuditLog cli = new AuditLog(dir, clock, 0)) {
            agent.append(record(clock.instant(), "started", "a1"));
            cli.append(record(clock.instant(), "started", "c1"));
            agent.append(record(clock.instant(), "finished", "a1"));
            cli.append(record(clock.instant(), "finished", "c1"));
            agent.append(record(clock.instant(), "verified", "a1"));
        }
        List<String> lines = lines(LocalDate.parse("2026-03-01"));
        assertThat(lines).hasSize(5);
        AuditVerifier.Report report = AuditVerifier.verify(dir);
        assertThat(report.ok()).as(String.valueOf(report.broken())).isTrue();
        assertThat(report.records()).isEqualTo(5);
    }

    @Test
    void aTornLineFromACrashIsSkippedAndTheChainContinues() throws Exception {
        Path file = dir.resolve("remediation-2026-03-01.jsonl");
        try (AuditLog log = new AuditLog(dir, clock, 0)) {
            log.append(record(clock.instant(), "started", "r1"));
        }
        Files.writeString(file, "{\"timestamp\":\"2026-03-01T23:59:00Z\",\"event\":\"fini", java.nio.file.StandardOpenOption.APPEND);
        try (AuditLog log = new AuditLog(dir, clock, 0)) {
            log.append(record(clock.instant(), "finished", "r1"));
            assertThat(log.read(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01")))
                    .extracting(AuditRecord::event).containsExactly(AuditEvent.STARTED, AuditEvent.FINISHED);
        }
        AuditVerifier.Report report = AuditVerifier.verify(file);
        assertThat(report.ok()).isTrue();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.torn()).containsExactly(file + ":2");
    }

    @Test
    void anUnwritableDirectoryFailsTheAppendLoudly() throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        try (AuditLog log = new AuditLog(notADir.resolve("logs"), clock, 0)) {
            assertThatThrownBy(() -> log.append(record(clock.instant(), "started", "r1")))
                    .isInstanceOf(AuditWriteException.class)
                    .hasMessageContaining("cannot write the audit log");
        }
    }

    @Test
    void retentionDeletesOldDays() throws Exception {
        try (AuditLog log = new AuditLog(dir, clock, 2)) {
            log.append(record(clock.instant(), "started", "r1"));
            clock.advance(Duration.ofDays(5));
            log.append(record(clock.instant(), "started", "r2"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")))
                    .containsExactly("remediation-2026-03-06.jsonl");
        }
    }
}
