package io.smartcloudops.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.audit.AuditVerifier;
import io.smartcloudops.agent.audit.AuditWriteException;
import io.smartcloudops.agent.detect.AnomalyLog;
import io.smartcloudops.agent.testing.HostileInput;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record the agent writes reads back identically, whatever text it carries: code points from the
 * whole Unicode range, lone surrogates (what a JSON escape of U+D800 alone decodes to), every line terminator and
 * text that imitates the line's own syntax, in every free-text field of every record type (remediation
 * audit records, which include approvals, rejections and chat proposals; anomaly records). After a
 * "restart" (a fresh reader on the same files) the records, the chain's head and {@code audit verify}
 * agree with what was written, and no record contains a character any line reader would split on.
 * Replay a failure with {@code -Dhostile.seed=N}; {@code -Dhostile.cases=N} sets the records per type.
 */
class EveryRecordReadsBackTest {

    private static final int CASES = Integer.getInteger("hostile.cases", 200);
    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    @TempDir
    Path dir;

    private HostileInput in;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));

    @BeforeEach
    void seed() {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("EveryRecordReadsBackTest seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        in = new HostileInput(seed);
    }

    /** A free-text value: often any text at all, sometimes absent or empty (the writer omits nulls). */
    private String text() {
        return switch (in.nextInt(12)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> in.pick(HostileInput.LINE_TERMINATORS);
            default -> in.anyText(40);
        };
    }

    private AuditRecord auditRecord(Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = in.nextInt(3); i > 0; i--) {
            String key = in.anyText(12);
            params.put(in.nextInt(5) == 0 ? key : key.replaceAll("\\p{Cs}", "s"), in.anyText(30));
        }
        // event, action, result and trigger are closed sets (enums); every other text field is free text
        return new AuditRecord(at, in.pick(List.of(AuditEvent.values())), orNull(ActionType.values()), text(), text(),
                orNull(AuditResult.values()), orNull(Trigger.values()), text(), in.nextBoolean(), text(),
                in.nextBoolean() ? null : (long) in.nextInt(100_000), text(), text(), params, text(), text(),
                in.nextInt(3) == 0 ? null : in.nextBoolean(), text(), null, null);
    }

    private <E> E orNull(E[] values) {
        return in.nextInt(4) == 0 ? null : in.pick(List.of(values));
    }

    @Test
    void everyAuditRecordReadsBackIdenticallyAfterARestartAndTheChainVerifies() throws Exception {
        List<AuditRecord> written = new ArrayList<>();
        int refused = 0;
        try (AuditLog log = new AuditLog(dir, clock, 0)) {
            for (int i = 0; i < CASES; i++) {
                AuditRecord r = auditRecord(clock.instant());
                try {
                    written.add(log.append(r));
                } catch (AuditWriteException e) {
                    // Jackson writes a lone surrogate in a map key but refuses to read it back; no request can
                    // carry one (the request reader refuses it too), and the log refuses rather than hide it.
                    assertThat(r.params().keySet()).as("only an unreadable map key is refused: " + e.getMessage())
                            .anyMatch(EveryRecordReadsBackTest::hasLoneSurrogate);
                    assertThat(e).hasMessageContaining("would not read back");
                    refused++;
                }
                clock.advance(Duration.ofSeconds(1));
            }
        }
        System.out.printf("EveryRecordReadsBackTest: %d audit records written, %d refused (lone surrogate in a params key)%n",
                written.size(), refused);
        assertThat(written.size()).isGreaterThan(CASES / 2);
        try (AuditLog restarted = new AuditLog(dir, clock, 0)) {
            List<AuditRecord> read = restarted.read(DAY, DAY);
            assertThat(read).hasSize(written.size());
            for (int i = 0; i < written.size(); i++) {
                assertThat(read.get(i)).as("record %d", i).isEqualTo(written.get(i));
            }
            assertThat(restarted.head()).isEqualTo(written.getLast().hash());
        }
        AuditVerifier.Report report = AuditVerifier.verify(dir);
        assertThat(report.broken()).isEmpty();
        assertThat(report.torn()).isEmpty();
        assertThat(report.records()).isEqualTo(written.size());
        assertThat(report.head()).isEqualTo(written.getLast().hash());
        assertEveryRecordIsOneLineForAnyReader(dir.resolve("remediation-" + DAY + ".jsonl"), written.size());
    }

    @Test
    void everyAnomalyReadsBackIdenticallyAfterARestart() throws Exception {
        List<Anomaly> written = new ArrayList<>();
        try (AnomalyLog log = new AnomalyLog(dir, 0)) {
            for (int i = 0; i < CASES; i++) {
                Instant t = clock.instant();
                List<String> metrics = new ArrayList<>();
                List<Contributor> contributors = new ArrayList<>();
                for (int m = in.nextInt(3); m > 0; m--) {
                    metrics.add(in.anyText(10));
                    contributors.add(new Contributor(in.anyText(10), in.nextInt(1000) / 7.0, in.nextInt(100), -in.nextInt(9) / 3.0));
                }
                // the id is the record's key (the last line of an id wins): unique, with hostile text around it
                Anomaly a = new Anomaly(i + ":" + in.anyText(20), in.anyText(30), t.minusSeconds(10), t,
                        in.nextBoolean() ? null : t.plusSeconds(30), in.nextInt(1001) / 1000.0,
                        in.pick(List.of(Severity.values())), metrics, contributors, text());
                log.append(a);
                written.add(a);
                clock.advance(Duration.ofSeconds(1));
            }
        }
        try (AnomalyLog restarted = new AnomalyLog(dir, 0)) {
            List<Anomaly> read = restarted.read(null);
            assertThat(read).hasSize(CASES);
            for (int i = 0; i < CASES; i++) {
                assertThat(read.get(i)).as("anomaly %d", i).isEqualTo(written.get(i));
            }
        }
        assertEveryRecordIsOneLineForAnyReader(dir.resolve("anomalies-" + DAY + ".jsonl"), CASES);
    }

    /**
     * Lines written before records were escaped carry U+2028, U+2029 and U+0085 as raw characters (a JSON
     * encoder may leave them raw): their hash covers that text, so they still read back and verify.
     */
    @Test
    void aLineWrittenWithRawSeparatorsByAnOlderAgentStillReadsBackAndVerifies() throws Exception {
        AuditRecord r = AuditRecord.builder(clock.instant(), AuditEvent.FINISHED).action(ActionType.RESTART_SERVICE)
                .instance("web-1", null).result(AuditResult.SUCCESS).by(Trigger.OPERATOR, "alice").requestId("r1")
                .durationMs(3L).detail("line\u2028separator\u2029paragraph\u0085next").params(Map.of("unit", "nginx"))
                .reason("reason with \u2028 in it").idempotencyKey("key-1").build();
        String json = Json.write(r.chained("0".repeat(64), null));
        String body = json.substring(0, json.length() - 1);
        String hash = sha256(body);
        Files.writeString(dir.resolve("remediation-" + DAY + ".jsonl"), body + ",\"hash\":\"" + hash + "\"}\n",
                StandardCharsets.UTF_8);
        assertThat(body).contains("\u2028");

        try (AuditLog log = new AuditLog(dir, clock, 0)) {
            assertThat(log.read(DAY, DAY)).containsExactly(r.chained("0".repeat(64), hash));
            assertThat(log.head()).isEqualTo(hash);
        }
        assertThat(AuditVerifier.verify(dir).ok()).isTrue();
    }

    private static void assertEveryRecordIsOneLineForAnyReader(Path file, int records) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\n"));
        assertThat(lines).hasSize(records);
        for (String line : lines) {
            for (String terminator : HostileInput.LINE_TERMINATORS) {
                assertThat(line).as("a record holds no line terminator as a raw character").doesNotContain(terminator);
            }
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); Stream<String> s = reader.lines()) {
            assertThat(s.count()).as("Java's line reader").isEqualTo(records);
        }
        assertThat(text.lines().count()).as("String.lines").isEqualTo(records);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
