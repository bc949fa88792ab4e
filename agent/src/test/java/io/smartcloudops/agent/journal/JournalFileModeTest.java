package io.smartcloudops.agent.journal;

import io.smartcloudops.api.remediation.Trigger;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.audit.AuditEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.detect.AnomalyLog;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit and anomaly logs are readable by the agent's user only (its group may be given read). */
class JournalFileModeTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private static AuditRecord record(Instant at) {
        return AuditRecord.builder(at, AuditEvent.STARTED).action(ActionType.RESTART_SERVICE).instance("web-1", null)
                .result(AuditResult.RUNNING).by(Trigger.OPERATOR, "alice").requestId("r1").detail("plan")
                .params(Map.of("unit", "nginx")).idempotencyKey("k").build();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void newLogFilesAre0600InA0700Directory() throws Exception {
        Path logs = dir.resolve("logs");
        try (AuditLog audit = new AuditLog(logs, clock, 0); AnomalyLog anomalies = new AnomalyLog(logs, 0)) {
            audit.append(record(clock.instant()));
            anomalies.append(new Anomaly("a1", "web-1", clock.instant(), clock.instant(), null, 0.9, Severity.HIGH,
                    List.of("cpu"), List.of(), "cpu"));
        }
        assertThat(mode(logs)).isEqualTo("rwx------");
        assertThat(mode(logs.resolve("remediation-2026-03-01.jsonl"))).isEqualTo("rw-------");
        assertThat(mode(logs.resolve("anomalies-2026-03-01.jsonl"))).isEqualTo("rw-------");
        assertThat(mode(logs.resolve(".remediation.lock"))).isEqualTo("rw-------");
    }

    @Test
    void anExistingWorldReadableFileLosesWhatOthersAndTheGroupCouldWrite() throws Exception {
        Path file = dir.resolve("remediation-2026-03-01.jsonl");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (AuditLog audit = new AuditLog(dir, clock, 0)) {
            audit.append(record(clock.instant()));
        }
        assertThat(mode(file)).isEqualTo("rw-r-----");
    }
}
