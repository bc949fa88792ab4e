package io.smartcloudops.agent.chat.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Time expressions against a fixed clock: 2026-03-10 15:00 UTC (a Tuesday). */
class TimeExpressionsTest {

    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    final TimeExpressions utc = new TimeExpressions(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Show logs from 10 minutes ago          | 2026-03-10T14:50:00Z | -
            what happened 2 hours ago?             | 2026-03-10T13:00:00Z | -
            an hour ago                            | 2026-03-10T14:00:00Z | -
            five minutes ago                       | 2026-03-10T14:55:00Z | -
            30s ago                                | 2026-03-10T14:59:30Z | -
            CPU over the last hour                 | 2026-03-10T14:00:00Z | -
            memory in the last 15 minutes          | 2026-03-10T14:45:00Z | -
            past 2 days                            | 2026-03-08T15:00:00Z | -
            last 24h                               | 2026-03-09T15:00:00Z | -
            previous week                          | 2026-03-03T15:00:00Z | -
            logs since 14:00                       | 2026-03-10T14:00:00Z | -
            logs since 2pm                         | 2026-03-10T14:00:00Z | -
            since 16:30                            | 2026-03-09T16:30:00Z | -
            since 9:05 am                          | 2026-03-10T09:05:00Z | -
            since 15m                              | 2026-03-10T14:45:00Z | -
            What did auto-remediation do today?    | 2026-03-10T00:00:00Z | -
            anomalies yesterday                    | 2026-03-09T00:00:00Z | 2026-03-10T00:00:00Z
            since yesterday                        | 2026-03-09T00:00:00Z | -
            between 13:00 and 14:30                | 2026-03-10T13:00:00Z | 2026-03-10T14:30:00Z
            since 2026-03-01 08:00                 | 2026-03-01T08:00:00Z | -
            since 2026-03-01                       | 2026-03-01T00:00:00Z | -
            half an hour ago                       | 2026-03-10T14:30:00Z | -
            twenty five minutes ago                | 2026-03-10T14:35:00Z | -
            over the last forty-five minutes       | 2026-03-10T14:15:00Z | -
            cpu over the past half hour            | 2026-03-10T14:30:00Z | -
            the last hour and a half               | 2026-03-10T13:30:00Z | -
            an hour and a half ago                 | 2026-03-10T13:30:00Z | -
            from 14:00 to 14:30                    | 2026-03-10T14:00:00Z | 2026-03-10T14:30:00Z
            from 1pm to 2pm                        | 2026-03-10T13:00:00Z | 2026-03-10T14:00:00Z
            between 1 and 2pm                      | 2026-03-10T13:00:00Z | 2026-03-10T14:00:00Z
            between 11 and 1pm                     | 2026-03-10T11:00:00Z | 2026-03-10T13:00:00Z
            logs from 10 minutes ago to now        | 2026-03-10T14:50:00Z | -
            this morning                           | 2026-03-10T06:00:00Z | 2026-03-10T12:00:00Z
            since this morning                     | 2026-03-10T06:00:00Z | -
            this afternoon                         | 2026-03-10T12:00:00Z | -
            this evening                           | 2026-03-09T18:00:00Z | 2026-03-10T00:00:00Z
            yesterday morning                      | 2026-03-09T06:00:00Z | 2026-03-09T12:00:00Z
            yesterday evening                      | 2026-03-09T18:00:00Z | 2026-03-10T00:00:00Z
            last night                             | 2026-03-09T18:00:00Z | 2026-03-10T06:00:00Z
            overnight                              | 2026-03-09T18:00:00Z | 2026-03-10T06:00:00Z
            memory over the weekend                | 2026-03-07T00:00:00Z | 2026-03-09T00:00:00Z
            anomalies last weekend                 | 2026-03-07T00:00:00Z | 2026-03-09T00:00:00Z
            since the weekend                      | 2026-03-07T00:00:00Z | -
            what happened on saturday              | 2026-03-07T00:00:00Z | 2026-03-08T00:00:00Z
            cpu last friday                        | 2026-03-06T00:00:00Z | 2026-03-07T00:00:00Z
            on tuesday                             | 2026-03-10T00:00:00Z | -
            last tuesday                           | 2026-03-03T00:00:00Z | 2026-03-04T00:00:00Z
            since monday                           | 2026-03-09T00:00:00Z | -
            since midnight                         | 2026-03-10T00:00:00Z | -
            since noon                             | 2026-03-10T12:00:00Z | -
            this week                              | 2026-03-09T00:00:00Z | -
            """)
    void readsTheRange(String text, String from, String until) {
        TimeRange r = utc.find(text).orElseThrow();
        assertThat(r.from()).isEqualTo(Instant.parse(from));
        assertThat(r.until()).isEqualTo(until == null ? null : Instant.parse(until));
    }

    /**
     * Bare hours as on-call people type them (session 8): the latest such hour of a 12-hour clock that is not ahead,
     * an end hour before the start in the afternoon, "yesterday" moving the clock times to yesterday, "at" a minute.
     * The clock is 15:00.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            cpu since 9                            | 2026-03-10T09:00:00Z | -
            since 3                                | 2026-03-10T03:00:00Z | -
            from 3 to 4                            | 2026-03-10T03:00:00Z | 2026-03-10T04:00:00Z
            since 15                               | 2026-03-09T15:00:00Z | -
            since 4                                | 2026-03-10T04:00:00Z | -
            since 11                               | 2026-03-10T11:00:00Z | -
            since 13                               | 2026-03-10T13:00:00Z | -
            from 9 to 11                           | 2026-03-10T09:00:00Z | 2026-03-10T11:00:00Z
            from 2 to 3                            | 2026-03-10T14:00:00Z | 2026-03-10T15:00:00Z
            between 1 and 2                        | 2026-03-10T13:00:00Z | 2026-03-10T14:00:00Z
            from 9 to 5                            | 2026-03-10T09:00:00Z | 2026-03-10T17:00:00Z
            from 10-12                             | 2026-03-10T10:00:00Z | 2026-03-10T12:00:00Z
            yesterday from 9 to 5                  | 2026-03-09T09:00:00Z | 2026-03-09T17:00:00Z
            yesterday from 2 to 4                  | 2026-03-09T14:00:00Z | 2026-03-09T16:00:00Z
            since 10pm yesterday                   | 2026-03-09T22:00:00Z | -
            yesterday since 14:30                  | 2026-03-09T14:30:00Z | -
            between 13:00 and 14:00 yesterday      | 2026-03-09T13:00:00Z | 2026-03-09T14:00:00Z
            cpu at 14:05                           | 2026-03-10T14:05:00Z | 2026-03-10T14:06:00Z
            what happened at 2pm                   | 2026-03-10T14:00:00Z | 2026-03-10T14:01:00Z
            at 16:20                               | 2026-03-09T16:20:00Z | 2026-03-09T16:21:00Z
            yesterday at 9:15am                    | 2026-03-09T09:15:00Z | 2026-03-09T09:16:00Z
            """)
    void readsBareHoursAndMinutes(String text, String from, String until) {
        TimeRange r = utc.find(text).orElseThrow();
        assertThat(r.from()).isEqualTo(Instant.parse(from));
        assertThat(r.until()).isEqualTo(until == null ? null : Instant.parse(until));
    }

    /**
     * A bare hour is the latest such hour at least ten minutes before now: "since 3" asked at 15:00 or 15:05 is 03:00
     * (15:00 would be an empty or a five-minute range), asked at 15:10 or later it is 15:00.
     */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            since 3                 | 2026-03-10T15:00:00Z | 2026-03-10T03:00:00Z | -
            since 3                 | 2026-03-10T15:05:00Z | 2026-03-10T03:00:00Z | -
            since 3                 | 2026-03-10T15:10:00Z | 2026-03-10T15:00:00Z | -
            anomalies since 3       | 2026-03-10T15:40:00Z | 2026-03-10T15:00:00Z | -
            since 12                | 2026-03-10T00:05:00Z | 2026-03-09T12:00:00Z | -
            from 3 to 4             | 2026-03-10T15:02:00Z | 2026-03-10T03:00:00Z | 2026-03-10T04:00:00Z
            from 3 to 4             | 2026-03-10T15:30:00Z | 2026-03-10T15:00:00Z | 2026-03-10T16:00:00Z
            since 3pm               | 2026-03-10T15:00:00Z | 2026-03-10T15:00:00Z | -
            """)
    void readsABareHourAsOneThatIsSomeMinutesPast(String text, String now, String from, String until) {
        TimeExpressions at = new TimeExpressions(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), ZoneId.of("UTC"));
        TimeRange r = at.find(text).orElseThrow();
        assertThat(r.from()).isEqualTo(Instant.parse(from));
        assertThat(r.until()).isEqualTo(until == null ? null : Instant.parse(until));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            What's current CPU?
            Summarize last 3 anomalies
            show the last 5 logs
            restart nginx on web-1
            top 3 hosts from 2 to 5 hosts
            memory from 2 to 3 percent
            scale from 2 to 3 instances
            """)
    void findsNoRangeWhereThereIsNone(String text) {
        assertThat(utc.find(text)).isEmpty();
    }

    @Test
    void labelsSayTheTimeInTheZone() {
        assertThat(utc.find("Show logs from 10 minutes ago").orElseThrow().label()).isEqualTo("since 14:50 UTC (10 minutes ago)");
        assertThat(utc.find("today").orElseThrow().label()).isEqualTo("today (since 00:00 UTC)");
        assertThat(utc.find("last hour").orElseThrow().label()).isEqualTo("over the last hour");
    }

    @Test
    void partsOfTheDaySayTheirHours() {
        assertThat(utc.find("yesterday evening").orElseThrow().label()).isEqualTo("yesterday evening (Mar 9 18:00 UTC to 00:00 UTC)");
        assertThat(utc.find("this afternoon").orElseThrow().label()).isEqualTo("this afternoon (since 12:00 UTC)");
    }

    @Test
    void todayAndClockTimesFollowTheConfiguredZone() {
        TimeExpressions berlin = new TimeExpressions(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Berlin"));
        // 15:00 UTC is 16:00 in Berlin (CET, UTC+1 in March before the switch)
        assertThat(berlin.find("today").orElseThrow().from()).isEqualTo(Instant.parse("2026-03-09T23:00:00Z"));
        assertThat(berlin.find("since 14:00").orElseThrow().from()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
        assertThat(berlin.find("since 14:00").orElseThrow().label()).isEqualTo("since 14:00 Europe/Berlin");
    }
}
