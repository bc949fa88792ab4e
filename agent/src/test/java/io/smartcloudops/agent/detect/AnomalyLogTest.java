package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyLogTest {

    @TempDir
    Path dir;

    private static Anomaly anomaly(String id, String host, String raised, String end, double score) {
        Instant t = Instant.parse(raised);
        return new Anomaly(id, host, t.minusSeconds(10), t, end == null ? null : Instant.parse(end), score, Severity.HIGH,
                List.of("cpu"), List.of(new Contributor("cpu", 97, 12, 40)), "cpu 97.0% (baseline 12.0%)");
    }

    @Test
    void theLastLineOfAnIdWinsAndATornLineIsSkipped() throws Exception {
        try (AnomalyLog log = new AnomalyLog(dir, 0)) {
            log.append(anomaly("a", "web-1", "2026-11-28T10:00:00Z", null, 0.6));
            log.append(anomaly("b", "web-2", "2026-11-28T11:00:00Z", null, 0.7));
            log.append(anomaly("a", "web-1", "2026-11-28T10:00:00Z", "2026-11-28T10:05:00Z", 0.9));
        }
        Files.writeString(dir.resolve("anomalies-2026-11-28.jsonl"), "{\"id\":\"c\",\"host\":\"web", StandardOpenOption.APPEND);
        List<Anomaly> read = new AnomalyLog(dir, 0).read(null);
        assertThat(read).extracting(Anomaly::id).containsExactly("b", "a");
        assertThat(read.get(1).end()).isEqualTo(Instant.parse("2026-11-28T10:05:00Z"));
        assertThat(read.get(1).score()).isEqualTo(0.9);
    }

    @Test
    void filesOlderThanTheRetentionAreDeleted() throws Exception {
        try (AnomalyLog log = new AnomalyLog(dir, 7)) {
            log.append(anomaly("old", "web-1", "2026-11-01T10:00:00Z", null, 0.6));
            log.append(anomaly("new", "web-1", "2026-11-20T10:00:00Z", null, 0.6));
        }
        assertThat(dir.resolve("anomalies-2026-11-01.jsonl")).doesNotExist();
        assertThat(new AnomalyLog(dir, 7).read(LocalDate.parse("2026-11-13"))).extracting(Anomaly::id).containsExactly("new");
    }

    @Test
    void theStoreListsNewestFirstFiltersAndKeepsTheMostRecent() {
        AnomalyStore store = new AnomalyStore(3);
        store.put(anomaly("1", "web-1", "2026-11-28T10:00:00Z", "2026-11-28T10:01:00Z", 0.6));
        store.put(anomaly("2", "web-2", "2026-11-28T11:00:00Z", null, 0.6));
        store.put(anomaly("3", "web-1", "2026-11-28T12:00:00Z", "2026-11-28T12:30:00Z", 0.6));
        store.put(anomaly("1", "web-1", "2026-11-28T10:00:00Z", "2026-11-28T10:02:00Z", 0.8));
        assertThat(store.query(10, null, null)).extracting(Anomaly::id).containsExactly("3", "2", "1");
        assertThat(store.query(10, null, null).getLast().score()).isEqualTo(0.8);
        assertThat(store.query(2, null, null)).extracting(Anomaly::id).containsExactly("3", "2");
        assertThat(store.query(10, null, "web-1")).extracting(Anomaly::id).containsExactly("3", "1");
        // since 12:10: #3 ended after it, #2 is still open, #1 ended before it
        assertThat(store.query(10, Instant.parse("2026-11-28T12:10:00Z"), null)).extracting(Anomaly::id).containsExactly("3", "2");
        store.put(anomaly("4", "web-3", "2026-11-28T13:00:00Z", null, 0.6));
        assertThat(store.query(10, null, null)).extracting(Anomaly::id).containsExactly("4", "3", "2");
        assertThat(store.hasHost("web-3")).isTrue();
        assertThat(store.openCount()).isEqualTo(2);
    }
}
