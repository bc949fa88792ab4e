package io.smartcloudops.agent.chat.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.chat.context.Turn;
import io.smartcloudops.api.Metric;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A follow-up keeps what the question before it asked and changes only the host, metric or time it names. */
class FollowUpsTest {

    static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");
    final QuestionParser parser = new QuestionParser(() -> List.of("web-1", "web-2", "db-1", "cache-1"),
            new TimeExpressions(Clock.fixed(NOW, ZoneId.of("UTC")), ZoneId.of("UTC")));

    /** Reads the questions as one conversation and returns the reading of the last. */
    Intent conversation(String... questions) {
        List<Turn> history = new ArrayList<>();
        Intent last = null;
        for (String q : questions) {
            last = parser.parse(q, history);
            List<String> hosts = switch (last) {
                case Intent.CurrentMetrics c -> c.hosts();
                case Intent.SeriesStats s -> s.hosts();
                case Intent.Anomalies a when a.host() != null -> List.of(a.host());
                case Intent.Explain e when e.host() != null -> List.of(e.host());
                default -> List.of();
            };
            history.add(new Turn(NOW, q, "", hosts));
        }
        return last;
    }

    @Test
    void anotherHostKeepsTheMetric() {
        assertThat(conversation("cpu on web-1", "and web-2?"))
                .isEqualTo(new Intent.CurrentMetrics(List.of("web-2"), List.of(Metric.CPU)));
        assertThat(conversation("cpu on web-1", "and web-2?", "what about db-1"))
                .isEqualTo(new Intent.CurrentMetrics(List.of("db-1"), List.of(Metric.CPU)));
    }

    @Test
    void anotherMetricKeepsTheHost() {
        assertThat(conversation("disk on cache-1", "what about memory"))
                .isEqualTo(new Intent.CurrentMetrics(List.of("cache-1"), List.of(Metric.MEM)));
    }

    @Test
    void aTimeTurnsTheFiguresIntoStatistics() {
        assertThat(conversation("load on db-1", "over the last 2 hours?")).isInstanceOfSatisfying(Intent.SeriesStats.class, s -> {
            assertThat(s.hosts()).containsExactly("db-1");
            assertThat(s.metrics()).containsExactly(Metric.LOAD1);
            assertThat(s.range().from()).isEqualTo(NOW.minusSeconds(7200));
        });
    }

    @Test
    void aRankingByAnotherMetric() {
        assertThat(conversation("which host is busiest", "and by memory?"))
                .isEqualTo(new Intent.Busiest(Metric.MEM, null, 0));
    }

    @Test
    void whyAsksAboutTheHostOfTheAnswerBefore() {
        assertThat(conversation("any anomalies on cache-1", "why?")).isEqualTo(new Intent.Explain("cache-1"));
        assertThat(conversation("memory on web-2", "is that normal?")).isEqualTo(new Intent.Explain("web-2"));
    }

    @Test
    void aQuestionOfItsOwnIsNotAFollowUp() {
        assertThat(conversation("cpu on web-1", "what alerts are firing?")).isInstanceOf(Intent.Alerts.class);
        assertThat(conversation("cpu on web-1", "memory on db-1"))
                .isEqualTo(new Intent.CurrentMetrics(List.of("db-1"), List.of(Metric.MEM)));
        assertThat(conversation("cpu on web-1", "and the alerts on db-1?")).as("a question of its own after the cue")
                .isEqualTo(new Intent.Alerts("db-1", true, false));
        assertThat(conversation("and web-2?")).as("nothing before it: read on its own")
                .isEqualTo(new Intent.CurrentMetrics(List.of("web-2"), List.of()));
    }

    @Test
    void aFollowUpNeverBecomesAnAction() {
        assertThat(conversation("restart nginx on web-1", "and web-2?")).isNotInstanceOf(Intent.Propose.class);
        assertThat(conversation("restart nginx on web-1", "and on web-2?")).isNotInstanceOf(Intent.Propose.class);
    }
}
