package io.smartcloudops.api.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them: {@code 500ms}, {@code 5s}, {@code 3m}, {@code 1h}, {@code 2d},
 * {@code 1h30m}, or ISO-8601 ({@code PT5S}). One syntax for {@code agent.yaml}, rules, query parameters
 * ({@code since=10m}), the CLI and the console's settings, so it lives in the contract both sides share.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d|w))+");

    private DurationText() {
    }

    /** Parses a duration; throws {@link IllegalArgumentException} with a readable message. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration (expected e.g. 30s, 5m, 1h)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 30s, 5m, 1h)");
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 30s, 5m, 1h)");
        }
        Matcher m = PART.matcher(t);
        double millis = 0;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            millis += n * switch (m.group(2)) {
                case "ms" -> 1d;
                case "s" -> 1_000d;
                case "m" -> 60_000d;
                case "h" -> 3_600_000d;
                case "d" -> 86_400_000d;
                case "w" -> 604_800_000d;
                default -> throw new IllegalStateException(m.group(2));
            };
        }
        if (millis > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** Formats compactly, e.g. {@code 5s}, {@code 3m}, {@code 1h30m}, {@code 250ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (ms < 0) {
            sb.append('-');
            ms = -ms;
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms >= units[i]) {
                sb.append(ms / units[i]).append(names[i]);
                ms %= units[i];
            }
        }
        return sb.toString();
    }
}
