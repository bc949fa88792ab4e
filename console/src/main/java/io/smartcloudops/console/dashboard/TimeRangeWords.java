package io.smartcloudops.console.dashboard;

/** A short duration as the agent's queries write it ("10m", "24h", "7d") in words ("10 minutes", "24 hours"). */
public final class TimeRangeWords {

    private TimeRangeWords() {
    }

    public static String of(String shortForm) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([smhdw])").matcher(shortForm.strip());
        if (!m.matches()) {
            return shortForm;
        }
        long n = Long.parseLong(m.group(1));
        String unit = switch (m.group(2)) {
            case "s" -> "second";
            case "m" -> "minute";
            case "h" -> "hour";
            case "d" -> "day";
            default -> "week";
        };
        return n == 1 ? unit : n + " " + unit + "s";
    }
}
