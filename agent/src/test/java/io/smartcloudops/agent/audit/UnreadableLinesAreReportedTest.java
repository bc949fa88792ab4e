package io.smartcloudops.agent.audit;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.client.LogQuery;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.client.AgentClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal line no reader can use (cut short by a crash, edited by hand) is skipped, never silently: the
 * agent logs an ERROR naming file:line when it first meets it and counts it in /metrics and /status.
 */
class UnreadableLinesAreReportedTest {

    @TempDir
    Path dir;

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel() == Level.ERROR) {
                errors.add(e.getFormattedMessage());
            }
        }
    };

    @BeforeEach
    void listen() {
        capture.start();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
    }

    @AfterEach
    void stopListening() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    }

    @Test
    void aLineNoReaderCanUseIsAnErrorNamingFileAndLineAndIsCountedInMetricsAndStatus() throws Exception {
        Path logs = dir.resolve("logs");
        Instant now = Instant.now();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Path audit = logs.resolve("remediation-" + today + ".jsonl");
        Path anomalies = logs.resolve("anomalies-" + today + ".jsonl");
        try (AuditLog log = new AuditLog(logs, Clock.systemUTC(), 0)) {
            log.append(AuditLogTest.record(now, "started", "r1"));
            Files.writeString(audit, "{\"timestamp\":\"" + now + "\",\"event\":\"fini\n", StandardOpenOption.APPEND);
            log.append(AuditLogTest.record(now, "finished", "r1"));
            log.append(AuditLogTest.record(now, "verified", "r1"));
        }
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        lines.set(3, lines.get(3).replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""));
        Files.write(audit, lines, StandardCharsets.UTF_8);
        Files.writeString(anomalies, "{\"id\":\"a1\",\"host\":\"web-1\",\"timest\n", StandardCharsets.UTF_8);

        try (Agent agent = TestAgents.start(dir, Map.of()); AgentClient viewer = TestAgents.viewer(agent)) {
            assertThat(viewer.logs(LogQuery.since("1h")).records()).extracting(AuditRecord::event)
                    .containsExactly(AuditEvent.FINISHED, AuditEvent.STARTED);
            assertThat(errors).anySatisfy(e -> assertThat(e).contains(audit + ":2", "not a JSON record"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains(audit + ":4", "does not match its hash"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains(anomalies + ":1"));

            viewer.logs(LogQuery.since("1h"));
            assertThat(viewer.metrics())
                    .contains("smartcloudops_journal_unreadable_lines_total{journal=\"remediation\"} 2.0")
                    .contains("smartcloudops_journal_unreadable_lines_total{journal=\"anomalies\"} 1.0");
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) viewer.status().components().get("logs");
            assertThat(status).containsEntry("unreadable_lines", Map.of("remediation", 2, "anomalies", 1));
            assertThat(status.get("first_unreadable").toString()).contains(audit + ":2", audit + ":4", anomalies + ":1");
            assertThat(errors).as("each line is reported once, however often it is read")
                    .filteredOn(e -> e.contains("record skipped at")).hasSize(3);
        }
    }
}
