package io.smartcloudops.agent.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.detect.AnomalyStore;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyFeedback;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.anomaly.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A verdict given while an incident lasts stays on it when the detector updates or ends the record. */
class VerdictStaysOnTheAnomalyTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static Anomaly record(double score, Instant end) {
        return new Anomaly("an-abc-12345678", "web-1", T, T.plusSeconds(15), end, score, Severity.HIGH, List.of("cpu"),
                List.of(), "cpu 97.0% (baseline 12.0%)");
    }

    @Test
    void theDetectorsLaterRecordsKeepTheVerdictUntilItIsTakenBack() {
        AnomalyStore store = new AnomalyStore(10);
        store.put(record(0.7, null));
        AnomalyFeedback f = new AnomalyFeedback(Verdict.FALSE_ALARM, "backup", "operator", T.plusSeconds(20));
        assertThat(store.feedback("an-abc-12345678", f)).map(Anomaly::feedback).contains(f);
        assertThat(store.feedback("an-unknown-00000000", f)).isEmpty();

        Anomaly grown = record(0.9, null);
        store.put(grown);                                   // the detector knows nothing of verdicts
        assertThat(store.query(10, null, null)).singleElement().satisfies(a -> {
            assertThat(a.score()).isEqualTo(0.9);
            assertThat(a.feedback()).isEqualTo(f);
        });
        assertThat(store.current(grown).feedback()).as("what /events sends for the detector's update").isEqualTo(f);

        store.put(record(0.9, T.plusSeconds(60)));
        assertThat(store.find("an-abc-12345678").orElseThrow().end()).isEqualTo(T.plusSeconds(60));
        assertThat(store.find("an-abc-12345678").orElseThrow().feedback()).isEqualTo(f);

        store.feedback("an-abc-12345678", null);
        store.put(record(0.95, T.plusSeconds(60)));
        assertThat(store.find("an-abc-12345678").orElseThrow().feedback()).isNull();
    }
}
