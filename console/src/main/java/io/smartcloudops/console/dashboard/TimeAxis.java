package io.smartcloudops.console.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time axis' labels: the clock time, and under it the date wherever the day changes (and at the start
 * of a range of half a day or more), so the 24 h axis does not start and end at the same "20:49".
 */
final class TimeAxis {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    private TimeAxis() {
    }

    /** {@code parts + 1} labels from {@code fromMillis} to {@code toMillis}. */
    static List<String> labels(long fromMillis, long toMillis, int parts, ZoneId zone) {
        long span = Math.max(1, toMillis - fromMillis);
        List<String> out = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i <= parts; i++) {
            var t = Instant.ofEpochMilli(fromMillis + span * i / parts).atZone(zone);
            boolean dated = previous == null ? span >= 12 * 3_600_000L || !t.toLocalDate().equals(
                    Instant.ofEpochMilli(toMillis).atZone(zone).toLocalDate()) : !t.toLocalDate().equals(previous);
            out.add(HHMM.format(t) + (dated ? "\n" + DAY.format(t) : ""));
            previous = t.toLocalDate();
        }
        return out;
    }
}
