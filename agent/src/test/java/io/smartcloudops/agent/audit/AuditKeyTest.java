package io.smartcloudops.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the chain detects with and without the HMAC key, and with an anchor ({@code --expect-head}): each
 * case docs/security.md lists is one assertion here.
 */
class AuditKeyTest {

    private static final Optional<AuditKey> KEY = Optional.of(AuditKey.of("k".repeat(32)));
    private static final Optional<AuditKey> OTHER_KEY = Optional.of(AuditKey.of("o".repeat(32)));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private List<AuditRecord> write(Optional<AuditKey> key, int n) {
        List<AuditRecord> out = new ArrayList<>();
        try (AuditLog log = new AuditLog(dir, clock, 0, key)) {
            for (int i = 0; i < n; i++) {
                out.add(log.append(AuditLogTest.record(clock.instant(), "started", "r" + i)));
                clock.advance(Duration.ofSeconds(1));
            }
        }
        return out;
    }

    private Path file() {
        return dir.resolve("remediation-2026-03-01.jsonl");
    }

    /** What someone who can write the file but has no key can do: change a record and re-hash from there on. */
    private void rewriteWithoutTheKey(int from, String actor) throws Exception {
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        String prev = from == 0 ? AuditChain.GENESIS : Json.mapper().readTree(lines.get(from - 1)).path("hash").asText();
        for (int i = from; i < lines.size(); i++) {
            AuditRecord r = Json.mapper().readValue(lines.get(i), AuditRecord.class);
            AuditRecord changed = new AuditRecord(r.timestamp(), r.event(), r.action(), r.instance(), r.instanceId(), r.result(),
                    r.trigger(), actor, r.dryRun(), r.requestId(), r.durationMs(), r.detail(), r.rule(), r.params(), r.reason(),
                    r.idempotencyKey(), r.effective(), r.rolloutId(), prev, null);
            String json = Json.write(changed);
            String body = json.substring(0, json.length() - 1);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
            lines.set(i, body + ",\"hash\":\"" + hash + "\"}");
            prev = hash;
        }
        Files.write(file(), lines, StandardCharsets.UTF_8);
    }

    @Test
    void aKeyedChainVerifiesOnlyWithItsKey() throws Exception {
        List<AuditRecord> written = write(KEY, 4);
        assertThat(written).allSatisfy(r -> assertThat(r.hash()).startsWith("hmac-sha256:").hasSize(12 + 64));
        AuditVerifier.Report withKey = AuditVerifier.verify(dir, KEY, Optional.empty());
        assertThat(withKey.ok()).isTrue();
        assertThat(withKey.keyed()).isEqualTo(4);
        assertThat(withKey.head()).isEqualTo(written.getLast().hash());

        AuditVerifier.Report withoutKey = AuditVerifier.verify(dir, Optional.empty(), Optional.empty());
        assertThat(withoutKey.broken()).as("the links still hold").isEmpty();
        assertThat(withoutKey.unchecked()).as("their own hashes cannot be checked").isEqualTo(4);
        assertThat(withoutKey.ok()).isFalse();

        AuditVerifier.Report wrongKey = AuditVerifier.verify(dir, OTHER_KEY, Optional.empty());
        assertThat(wrongKey.broken().orElseThrow().line()).isEqualTo(1);
        assertThat(wrongKey.broken().orElseThrow().reason()).contains("does not match its hash");
    }

    @Test
    void withTheKeyARewriteBySomeoneWithoutItIsDetected() throws Exception {
        write(KEY, 5);
        rewriteWithoutTheKey(2, "mallory");
        AuditVerifier.Report report = AuditVerifier.verify(dir, KEY, Optional.empty());
        assertThat(report.broken().orElseThrow().line()).isEqualTo(3);
        assertThat(report.broken().orElseThrow().reason()).contains("without the HMAC key");
    }

    @Test
    void withoutAKeyAFullRewriteIsDetectedOnlyByTheAnchor() throws Exception {
        List<AuditRecord> written = write(Optional.empty(), 5);
        String anchor = written.get(3).hash();
        rewriteWithoutTheKey(0, "mallory");
        assertThat(AuditVerifier.verify(dir, Optional.empty(), Optional.empty()).ok()).as("the chain alone cannot tell").isTrue();
        AuditVerifier.Report anchored = AuditVerifier.verify(dir, Optional.empty(), Optional.of(anchor));
        assertThat(anchored.ok()).isFalse();
        assertThat(anchored.broken().orElseThrow().reason()).contains("expected head", anchor);
    }

    @Test
    void aTruncatedLogPassesTheChainButNotTheAnchor() throws Exception {
        List<AuditRecord> written = write(KEY, 5);
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        Files.write(file(), lines.subList(0, 3), StandardCharsets.UTF_8);
        assertThat(AuditVerifier.verify(dir, KEY, Optional.empty()).ok()).as("cut newest records leave a whole chain").isTrue();
        AuditVerifier.Report anchored = AuditVerifier.verify(dir, KEY, Optional.of(written.get(3).hash()));
        assertThat(anchored.ok()).isFalse();
        assertThat(anchored.broken().orElseThrow().reason()).contains("expected head");

        AuditVerifier.Report olderAnchor = AuditVerifier.verify(dir, KEY, Optional.of(written.get(1).hash()));
        assertThat(olderAnchor.ok()).as("an anchor published earlier is found; records after it are fine").isTrue();
        assertThat(olderAnchor.anchor()).hasValueSatisfying(a -> assertThat(a).endsWith(":2"));
    }

    @Test
    void aLogStartedWithoutTheKeyMayContinueWithItButNeverTheOtherWayRound() throws Exception {
        write(Optional.empty(), 2);
        List<AuditRecord> keyed = write(KEY, 2);
        AuditVerifier.Report report = AuditVerifier.verify(dir, KEY, Optional.empty());
        assertThat(report.ok()).isTrue();
        assertThat(report.keyed()).isEqualTo(2);
        assertThat(report.records()).isEqualTo(4);

        try (AuditLog withoutKey = new AuditLog(dir, clock, 0, Optional.empty())) {
            assertThatThrownBy(() -> withoutKey.append(AuditLogTest.record(clock.instant(), "started", "late")))
                    .isInstanceOf(AuditWriteException.class)
                    .hasMessageContaining("HMAC key").hasMessageContaining(AuditKey.VARIABLE);
            assertThat(withoutKey.read(java.time.LocalDate.MIN, java.time.LocalDate.MAX))
                    .as("an agent without the key still reads them (restart: keys, approvals)").hasSize(4);
        }
        assertThat(AuditVerifier.verify(dir, KEY, Optional.empty()).head()).isEqualTo(keyed.getLast().hash());
    }

    @Test
    void aShortKeyIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> AuditKey.of("too short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AuditKey.VARIABLE).hasMessageContaining("32");
        assertThat(KEY.orElseThrow().toString()).doesNotContain("kkkk");
    }
}
