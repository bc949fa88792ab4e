package io.smartcloudops.agent.time;

import io.smartcloudops.api.time.DurationText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Points in time as the API and CSV files accept them: a duration back from now ({@code 10m}),
 * an ISO-8601 instant or offset date-time, {@code yyyy-MM-dd HH:mm:ss} (UTC), or epoch seconds.
 */
public final class TimeText {

    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeText() {
    }

    /** Parses an absolute or relative (to {@code clock}) time; {@link IllegalArgumentException} if neither. */
    public static Instant parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty time (expected e.g. 10m or 2026-01-31T14:00:00Z)");
        }
        String t = text.trim();
        if (Character.isDigit(t.charAt(0)) && !t.contains("-") && !t.contains(":") && !t.matches("\\d+(\\.\\d+)?")) {
            return clock.instant().minus(DurationText.parse(t));
        }
        if (t.matches("\\d{9,11}(\\.\\d+)?")) {
            double seconds = Double.parseDouble(t);
            return Instant.ofEpochMilli(Math.round(seconds * 1000));
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            return clock.instant().minus(DurationText.parse(t));
        }
        return parseAbsolute(t);
    }

    /** Parses an absolute timestamp (ISO-8601 or {@code yyyy-MM-dd HH:mm:ss}, naive = UTC). */
    public static Instant parseAbsolute(String text) {
        String t = text.trim();
        if (t.length() == 19 && t.charAt(10) == ' ') {
            // the CSV shape (NAB writes every row like this): parse it directly instead of failing through the
            // ISO parsers first, which made reading a large CSV exception-bound
            try {
                return LocalDateTime.parse(t, SPACE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // not quite: the general order below gives the error
            }
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the other shapes
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other shapes
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the other shapes
        }
        try {
            return LocalDateTime.parse(t, SPACE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a time (expected a duration like 10m, ISO-8601 like 2026-01-31T14:00:00Z, or yyyy-MM-dd HH:mm:ss)");
        }
    }
}
