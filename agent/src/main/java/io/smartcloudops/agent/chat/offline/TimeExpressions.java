package io.smartcloudops.agent.chat.offline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time expressions in questions, relative to an injected clock and zone: "10 minutes ago", "last hour",
 * "past 2 days", "since 14:00" (yesterday's 14:00 when today's is still ahead), "since 2pm",
 * "between 13:00 and 14:30", "from 1pm to 2pm", "today", "yesterday", "since yesterday", "since 2026-01-31 14:00",
 * "since 15m", "half an hour ago", "the last hour and a half", "since midnight", "this week", and parts of a day:
 * morning 06:00-12:00, afternoon 12:00-18:00, evening 18:00-24:00, "last night" 18:00 yesterday to 06:00 today,
 * "over the weekend" (the latest Saturday and Sunday), and days by name ("on saturday", "last friday", "since monday").
 */
public final class TimeExpressions {

    private static final String NUMBER = "(\\d{1,4}|(?:twenty|thirty|forty|fifty)[- ](?:one|two|three|four|five|six|seven|eight|nine)"
            + "|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety"
            + "|few|a few|couple of|a couple of)";
    private static final String UNIT = "(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|s|m|h|d|w)\\b";
    private static final String CLOCK = "(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?";

    private static final Pattern AGO = Pattern.compile("\\b" + NUMBER + "\\s*" + UNIT + "\\s+ago\\b");
    private static final Pattern LAST = Pattern.compile("\\b(?:last|past|previous|recent|latest)\\s+(?:" + NUMBER + "\\s*)?" + UNIT);
    private static final Pattern SINCE_DURATION = Pattern.compile("\\b(?:since|in|within|over|for)\\s+(?:the\\s+)?(\\d{1,4})\\s*" + UNIT);
    private static final Pattern BETWEEN = Pattern.compile("\\b(between|from)\\s+" + CLOCK + "\\s*(?:and|to|until|till|-)\\s*" + CLOCK + "\\b");
    private static final Pattern DAY_PART = Pattern.compile("\\b(since\\s+)?(?:(this|yesterday|last)\\s+(morning|afternoon|evening|night)"
            + "|(tonight|overnight))\\b");
    private static final Pattern SINCE_NAMED_TIME = Pattern.compile("\\b(?:since|after|from)\\s+(midnight|noon|midday)\\b");
    private static final Pattern THIS_WEEK = Pattern.compile("\\b(this|so far this) week\\b");
    /** "over the weekend", "last weekend": the latest Saturday 00:00 to Monday 00:00 (to now during one). */
    private static final Pattern WEEKEND = Pattern.compile("\\b(since\\s+)?(?:over|during|on|at|for|this|last|the|past)\\s+(?:the\\s+)?weekend\\b");
    /** "on saturday", "last friday", "since monday": the latest such day (a week ago for "last" + today's name). */
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(since|last|on|this past|past)\\s+)?(monday|tuesday|wednesday|thursday"
            + "|friday|saturday|sunday)s?\\b");
    /** Spelled-out durations rewritten as numbers before the patterns read them. */
    private static final List<Map.Entry<Pattern, String>> SPELLED = List.of(
            Map.entry(Pattern.compile("\\b(?:(?:an?|one|1)\\s+)?hour\\s+and\\s+a\\s+half\\b|\\b(?:1\\.5|one and a half)\\s+hours?\\b"), "90 minutes"),
            Map.entry(Pattern.compile("\\bhalf\\s+an?\\s+hour\\b|\\bhalf[- ]hour\\b"), "30 minutes"));
    private static final Pattern SINCE_DATE = Pattern.compile("\\b(?:since|from|after)\\s+(\\d{4}-\\d{2}-\\d{2})(?:[t ](\\d{2}:\\d{2}(?::\\d{2})?))?z?\\b");
    private static final Pattern SINCE_CLOCK = Pattern.compile("\\b(?:since|after|from)\\s+" + CLOCK + "(?!\\s*(?:" + UNIT.substring(1, UNIT.length() - 3) + ")\\b)(?!\\d)");
    /** "at 14:05", "at 9:15am", "at 2pm": that minute. */
    private static final Pattern AT_CLOCK = Pattern.compile("\\bat\\s+(\\d{1,2})(?::(\\d{2})\\s*(am|pm)?|\\s*(am|pm))(?!\\w)");
    /** "from 9 to 11", "from 2 to 3": bare hours, as people say them; not "from 2 to 3 hosts". */
    private static final Pattern FROM_BARE_HOURS = Pattern.compile("\\b(?:from|between)\\s+(\\d{1,2})\\s*(?:to|until|till|and|-)\\s*(\\d{1,2})"
            + "(?![\\d:%.]|\\s*(?:am|pm|" + UNIT.substring(1, UNIT.length() - 3) + "|hosts?|servers?|boxes|machines|nodes|instances|percent)\\b)");
    /** "yesterday from 9 to 5", "since 10pm yesterday": the clock times are yesterday's. */
    private static final Pattern YESTERDAY_WORD = Pattern.compile("\\b(?:yesterday|yday)\\b");
    private static final Pattern SINCE_YESTERDAY = Pattern.compile("\\bsince yesterday\\b");
    private static final Pattern YESTERDAY = Pattern.compile("\\byesterday\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(today|so far today)\\b");
    /**
     * A bare hour ("since 3", "from 3 to 4") is the latest such hour at least this long before now: "since 3" asked at
     * 15:00 or 15:05 means 03:00, since a range of a few minutes is asked as "the last few minutes", not with an hour.
     */
    static final Duration BARE_HOUR_MIN_AGE = Duration.ofMinutes(10);

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("ninety", 90), Map.entry("few", 3),
            Map.entry("a few", 3), Map.entry("couple of", 2), Map.entry("a couple of", 2));

    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter hm;
    private final DateTimeFormatter dayHm;

    public TimeExpressions(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        String z = zoneLabel(zone);
        this.hm = DateTimeFormatter.ofPattern("HH:mm '" + z + "'", Locale.ROOT).withZone(zone);
        this.dayHm = DateTimeFormatter.ofPattern("MMM d HH:mm '" + z + "'", Locale.ROOT).withZone(zone);
    }

    static String zoneLabel(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first time expression in {@code text} (any case), if any. */
    public Optional<TimeRange> find(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> spelled : SPELLED) {
            t = spelled.getKey().matcher(t).replaceAll(spelled.getValue());
        }
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        Instant midnight = local.toLocalDate().atStartOfDay(zone).toInstant();
        Matcher m;
        if ((m = FROM_BARE_HOURS.matcher(t)).find()) {
            Optional<TimeRange> bare = bareHours(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), local,
                    YESTERDAY_WORD.matcher(t).find());
            if (bare.isPresent()) {
                return bare;
            }
        }
        if ((m = BETWEEN.matcher(t)).find() && (m.group(1).equals("between") || isClock(m.group(3), m.group(4))
                || isClock(m.group(6), m.group(7)))) {
            // "between 1 and 2pm": the first time takes the second's am/pm unless that puts it after the second
            String firstAmPm = m.group(4);
            if (firstAmPm == null && m.group(7) != null) {
                Optional<LocalTime> inherited = clockTime(m.group(2), m.group(3), m.group(7));
                Optional<LocalTime> second = clockTime(m.group(5), m.group(6), m.group(7));
                if (inherited.isPresent() && second.isPresent() && inherited.get().isBefore(second.get())) {
                    firstAmPm = m.group(7);
                }
            }
            Optional<LocalTime> a = clockTime(m.group(2), m.group(3), firstAmPm);
            Optional<LocalTime> b = clockTime(m.group(5), m.group(6), m.group(7));
            if (a.isPresent() && b.isPresent()) {
                Instant from = onDay(a.get(), local, YESTERDAY_WORD.matcher(t).find());
                Instant until = ZonedDateTime.of(from.atZone(zone).toLocalDate(), b.get(), zone).toInstant();
                if (!until.isAfter(from)) {
                    until = until.plus(Duration.ofDays(1));
                }
                return Optional.of(new TimeRange(from, until, "between " + format(from) + " and " + format(until)));
            }
        }
        if ((m = AT_CLOCK.matcher(t)).find()) {
            Optional<LocalTime> at = clockTime(m.group(1), m.group(2), m.group(3) != null ? m.group(3) : m.group(4));
            if (at.isPresent()) {
                Instant from = onDay(at.get(), local, YESTERDAY_WORD.matcher(t).find());
                Instant until = from.plus(Duration.ofMinutes(1));
                return Optional.of(new TimeRange(from, until, "at " + format(from) + " (that minute)"));
            }
        }
        if ((m = SINCE_CLOCK.matcher(t)).find() && YESTERDAY_WORD.matcher(t).find()) {
            Optional<LocalTime> at = sinceClock(m);
            if (at.isPresent()) {
                Instant from = onDay(at.get(), local, true);
                return Optional.of(new TimeRange(from, null, "since " + format(from)));
            }
        }
        if ((m = SINCE_DATE.matcher(t)).find()) {
            try {
                LocalDate day = LocalDate.parse(m.group(1));
                LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
                Instant from = ZonedDateTime.of(LocalDateTime.of(day, time), zone).toInstant();
                return Optional.of(new TimeRange(from, null, "since " + dayHm.format(from)));
            } catch (DateTimeParseException ignored) {
                // not a real date: look for other expressions
            }
        }
        if ((m = DAY_PART.matcher(t)).find()) {
            return Optional.of(dayPart(m.group(2) != null ? m.group(2) : m.group(4), m.group(3), m.group(1) != null, local));
        }
        if ((m = SINCE_NAMED_TIME.matcher(t)).find()) {
            Instant from = latestPast(m.group(1).equals("midnight") ? LocalTime.MIDNIGHT : LocalTime.NOON, local);
            return Optional.of(new TimeRange(from, null, "since " + format(from)));
        }
        if (THIS_WEEK.matcher(t).find()) {
            Instant monday = local.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                    .atStartOfDay(zone).toInstant();
            return Optional.of(new TimeRange(monday, null, "this week (since " + dayHm.format(monday) + ")"));
        }
        if ((m = WEEKEND.matcher(t)).find()) {
            LocalDate today = local.toLocalDate();
            LocalDate saturday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SATURDAY));
            Instant from = saturday.atStartOfDay(zone).toInstant();
            Instant monday = saturday.plusDays(2).atStartOfDay(zone).toInstant();
            Instant until = m.group(1) != null || !monday.isBefore(now) ? null : monday;
            return Optional.of(new TimeRange(from, until, "over the weekend (" + dayHm.format(from)
                    + (until == null ? " to now" : " to " + dayHm.format(until)) + ")"));
        }
        if ((m = WEEKDAY.matcher(t)).find()) {
            java.time.DayOfWeek named = java.time.DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            LocalDate today = local.toLocalDate();
            LocalDate day = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(named));
            if ("last".equals(m.group(1)) && day.equals(today)) {
                day = day.minusWeeks(1);
            }
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant until = "since".equals(m.group(1)) || !end.isBefore(now) ? null : end;
            String name = m.group(2).substring(0, 1).toUpperCase(Locale.ROOT) + m.group(2).substring(1);
            return Optional.of(new TimeRange(from, until, until == null ? "since " + name + " (" + dayHm.format(from) + ")"
                    : "on " + name + " (" + dayHm.format(from) + " to " + dayHm.format(until) + ")"));
        }
        if ((m = AGO.matcher(t)).find()) {
            Duration d = duration(m.group(1), m.group(2));
            Instant from = now.minus(d);
            return Optional.of(new TimeRange(from, null, "since " + format(from) + " (" + words(m.group(1), m.group(2)) + " ago)"));
        }
        if ((m = SINCE_DURATION.matcher(t)).find()) {
            Duration d = duration(m.group(1), m.group(2));
            return Optional.of(new TimeRange(now.minus(d), null, "over the last " + words(m.group(1), m.group(2))));
        }
        if ((m = LAST.matcher(t)).find()) {
            String n = m.group(1) == null ? "1" : m.group(1);
            Duration d = duration(n, m.group(2));
            return Optional.of(new TimeRange(now.minus(d), null, "over the last " + words(m.group(1), m.group(2))));
        }
        if (SINCE_YESTERDAY.matcher(t).find()) {
            Instant from = midnight.minus(Duration.ofDays(1));
            return Optional.of(new TimeRange(from, null, "since yesterday " + format(from)));
        }
        if (YESTERDAY.matcher(t).find()) {
            Instant from = local.toLocalDate().minusDays(1).atStartOfDay(zone).toInstant();
            return Optional.of(new TimeRange(from, midnight, "yesterday (" + dayHm.format(from) + " to " + hm.format(midnight) + ")"));
        }
        if ((m = SINCE_CLOCK.matcher(t)).find()) {
            Optional<LocalTime> at = sinceClock(m);
            if (at.isPresent()) {
                boolean bare = m.group(2) == null && m.group(3) == null;
                Instant from = latestPast(at.get(), bare ? local.minus(BARE_HOUR_MIN_AGE) : local);
                return Optional.of(new TimeRange(from, null, "since " + format(from)));
            }
        }
        if (TODAY.matcher(t).find()) {
            return Optional.of(new TimeRange(midnight, null, "today (since " + hm.format(midnight) + ")"));
        }
        return Optional.empty();
    }

    /**
     * "this morning", "yesterday evening", "last night", "tonight": the part of the day as a range, up to now
     * when it is still going on; "since this morning" from its start to now.
     */
    private TimeRange dayPart(String which, String part, boolean since, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalDate day = which.equals("this") || which.equals("tonight") ? today : today.minusDays(1);
        String name = part != null ? part : which.equals("tonight") ? "evening" : "night";
        int[] hours = switch (name) {
            case "morning" -> new int[] {6, 12};
            case "afternoon" -> new int[] {12, 18};
            case "evening" -> new int[] {18, 24};
            default -> new int[] {18, 30}; // the night: 18:00 to 06:00 the next day
        };
        ZonedDateTime start = day.atStartOfDay(zone).plusHours(hours[0]);
        if (start.isAfter(now)) {
            start = start.minusDays(1); // "this evening" asked at 15:00 means yesterday's
        }
        ZonedDateTime end = start.plusHours(hours[1] - hours[0]);
        Instant from = start.toInstant();
        Instant until = since || end.isAfter(now) ? null : end.toInstant();
        String what = which.equals("overnight") || which.equals("tonight") ? which : which + " " + part;
        return new TimeRange(from, until, what + " (" + (until == null ? "since " + format(from) : format(from) + " to " + format(until)) + ")");
    }

    /**
     * "since 14:00", "since 2pm", and a bare hour as people type it ("since 9", "after 10"): on a 12-hour clock, the latest of
     * 9:00 and 21:00 at least {@link #BARE_HOUR_MIN_AGE} before now (latestPast then takes the day); 0 and 13-23 are
     * 24-hour times.
     */
    private Optional<LocalTime> sinceClock(Matcher m) {
        Optional<LocalTime> at = clockTime(m.group(1), m.group(2), m.group(3));
        if (at.isEmpty() || m.group(2) != null || m.group(3) != null) {
            return at;
        }
        if (m.group().startsWith("from")) {
            return Optional.empty(); // "from 2 to 3 instances": a bare "from" hour only in a range read above
        }
        return Optional.of(latestOfTwelveHourClock(at.get().getHour(), clock.instant().atZone(zone).minus(BARE_HOUR_MIN_AGE)));
    }

    /** Hour {@code h} of a 12-hour clock: h:00 or (h+12):00, whichever came last before {@code now}. */
    private LocalTime latestOfTwelveHourClock(int h, ZonedDateTime now) {
        if (h == 0 || h > 12) {
            return LocalTime.of(h % 24, 0);
        }
        LocalTime am = LocalTime.of(h % 12, 0);
        LocalTime pm = LocalTime.of(h % 12 + 12, 0);
        return latestPast(pm, now).isAfter(latestPast(am, now)) ? pm : am;
    }

    /**
     * "from 9 to 11", "from 2 to 3", "yesterday from 9 to 5": bare hours on a 12-hour clock. The start is the latest
     * such hour at least {@link #BARE_HOUR_MIN_AGE} before now (yesterday's with "yesterday"); an end at or before the
     * start is the afternoon's, then the next day's.
     */
    private Optional<TimeRange> bareHours(int first, int second, ZonedDateTime now, boolean yesterday) {
        if (first > 23 || second > 24) {
            return Optional.empty();
        }
        ZonedDateTime reference = yesterday ? now : now.minus(BARE_HOUR_MIN_AGE);
        LocalTime start = yesterday && first >= 1 && first <= 12 && first < 7 ? LocalTime.of(first + 12, 0)
                : yesterday ? LocalTime.of(first % 24, 0) : latestOfTwelveHourClock(first, reference);
        Instant from = onDay(start, reference, yesterday);
        ZonedDateTime startAt = from.atZone(zone);
        ZonedDateTime end = startAt.toLocalDate().atStartOfDay(zone).plusHours(second);
        while (!end.isAfter(startAt)) {
            end = end.plusHours(second <= 12 ? 12 : 24);
        }
        Instant until = end.toInstant();
        return Optional.of(new TimeRange(from, until, "between " + format(from) + " and " + format(until)));
    }

    /** Today's {@code time} when it is not ahead (else yesterday's), or yesterday's when the question says so. */
    private Instant onDay(LocalTime time, ZonedDateTime now, boolean yesterday) {
        return yesterday ? ZonedDateTime.of(now.toLocalDate().minusDays(1), time, zone).toInstant() : latestPast(time, now);
    }

    private static boolean isClock(String minutes, String ampm) {
        return minutes != null || ampm != null;
    }

    /** Today's {@code time}, or yesterday's when today's is still ahead. */
    private Instant latestPast(LocalTime time, ZonedDateTime now) {
        ZonedDateTime today = ZonedDateTime.of(now.toLocalDate(), time, zone);
        return today.isAfter(now) ? today.minusDays(1).toInstant() : today.toInstant();
    }

    private static Optional<LocalTime> clockTime(String hours, String minutes, String ampm) {
        int h = Integer.parseInt(hours);
        int min = minutes == null ? 0 : Integer.parseInt(minutes);
        if (ampm != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            h = h % 12 + (ampm.equals("pm") ? 12 : 0);
        }
        if (h > 23 || min > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(h, min));
    }

    private String format(Instant t) {
        boolean sameDay = t.atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return sameDay ? hm.format(t) : dayHm.format(t);
    }

    /** "5", "five", "twenty five", "forty-five", "a couple of". */
    private static long amount(String number) {
        if (number == null) {
            return 1;
        }
        if (WORDS.containsKey(number)) {
            return WORDS.get(number);
        }
        if (number.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(number);
        }
        long sum = 0;
        for (String part : number.split("[- ]")) {
            sum += WORDS.get(part);
        }
        return sum;
    }

    static Duration duration(String number, String unit) {
        long n = amount(number);
        return switch (unit.charAt(0)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> throw new IllegalStateException(unit);
        };
    }

    private static String words(String number, String unit) {
        long n = amount(number);
        String name = switch (unit.charAt(0)) {
            case 's' -> "second";
            case 'm' -> "minute";
            case 'h' -> "hour";
            case 'd' -> "day";
            case 'w' -> "week";
            default -> unit;
        };
        return n == 1 ? name : n + " " + name + "s";
    }
}
