package io.smartcloudops.agent.chat.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.chat.tools.AnomalyQuery;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter over the detector store's {@code query(limit, since, host)}. */
class StoreAnomalyHistoryTest {

    static Anomaly a(String id, String host, String at, Severity s) {
        Instant t = Instant.parse("2026-03-10T" + at + ":00Z");
        return new Anomaly(id, host, t, t, null, 0.8, s, List.of("cpu"), List.of(), "cpu");
    }

    final List<Anomaly> newestFirst = List.of(a("4", "web-1", "14:50", Severity.CRITICAL), a("3", "web-2", "14:30", Severity.LOW),
            a("2", "db-1", "13:40", Severity.LOW), a("1", "web-1", "13:20", Severity.HIGH));
    final List<Integer> asked = new ArrayList<>();
    final StoreAnomalyHistory history = new StoreAnomalyHistory((limit, since, host) -> {
        asked.add(limit);
        return newestFirst.stream().filter(x -> host == null || x.host().equals(host)).limit(limit).toList();
    });

    @Test
    void passesLimitAndHostAndFiltersSeverityItself() {
        assertThat(history.recent(new AnomalyQuery(2, null, null, null))).extracting(Anomaly::id).containsExactly("4", "3");
        assertThat(history.recent(new AnomalyQuery(5, "web-1", null, null))).extracting(Anomaly::id).containsExactly("4", "1");
        assertThat(history.recent(new AnomalyQuery(2, null, Severity.HIGH, null))).extracting(Anomaly::id).containsExactly("4", "1");
        assertThat(asked).containsExactly(2, 5, 10_000);
    }
}
