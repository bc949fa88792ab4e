package io.smartcloudops.agent.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.api.time.DurationText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTextTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void durations() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationText.parse("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationText.parse(" 1.5m ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(DurationText.parse(DurationText.format(Duration.ofSeconds(3725)))).isEqualTo(Duration.ofSeconds(3725));
        for (String bad : new String[] {"", "5", "five minutes", "5 s", "-5s", "5x", "P5"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void relativeAndAbsoluteTimes() {
        assertThat(TimeText.parse("10m", clock)).isEqualTo(Instant.parse("2026-11-29T11:50:00Z"));
        assertThat(TimeText.parse("1h", clock)).isEqualTo(Instant.parse("2026-11-29T11:00:00Z"));
        assertThat(TimeText.parse("2026-11-28T14:00:00Z", clock)).isEqualTo(Instant.parse("2026-11-28T14:00:00Z"));
        assertThat(TimeText.parse("2026-11-28T14:00:00+01:00", clock)).isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        assertThat(TimeText.parse("2026-11-28 14:00:00", clock)).isEqualTo(Instant.parse("2026-11-28T14:00:00Z"));
        assertThat(TimeText.parse("1764417600", clock)).isEqualTo(Instant.ofEpochSecond(1764417600));
        assertThatThrownBy(() -> TimeText.parse("yesterday", clock)).hasMessageContaining("'yesterday' is not a time");
    }
}
