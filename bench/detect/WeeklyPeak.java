import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.RowResult;
import io.smartcloudops.agent.detect.Season;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.api.Metric;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the weekly settings (weekly_bins, weekly_cycles) cost on a weekly season, which the NAB suite barely contains:
 * a host's CPU with a weekday working-hours plateau, quiet weekends and a Monday 08:00-10:00 batch peak, six weeks,
 * one odd week. Per setting and sampling interval, for each variant of the odd week: whether the detector follows the
 * weekly season, whether the odd Monday is raised, and the incidents raised anywhere else (false alarms).
 * Variants: the Monday peak missing in week 4 or 5 (is a missing peak still seen?), the peak doubled in length in
 * week 4 (is a longer one seen?), and none (false alarms on plain weeks).
 *
 * <pre>
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/WeeklyPeak.java [knob=value ...]
 * </pre>
 */
public class WeeklyPeak {

    /** Monday 2026-11-02 00:00 UTC. */
    private static final long T0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
    private static final int WEEKS = 6;

    enum Odd { NONE, MISSING_WEEK4, MISSING_WEEK5, LONGER_WEEK4 }

    public static void main(String[] args) {
        String[][] settings = {
            {"weekly_bins 336, weekly_cycles 3 (shipped before session 5)", "weekly_bins=336 weekly_cycles=3"},
            {"weekly_bins 168, weekly_cycles 2 (shipped since session 5)", "weekly_bins=168 weekly_cycles=2"},
            {"weekly_bins 336, weekly_cycles 2", "weekly_bins=336 weekly_cycles=2"},
            {"weekly_bins 168, weekly_cycles 3", "weekly_bins=168 weekly_cycles=3"},
        };
        String extra = String.join(" ", args);
        System.out.println("setting\tstep\todd week\tweekly followed (share of week 4-6 rows)\todd Monday raised\tother incidents\tfirst explanation on the odd Monday");
        for (String[] s : settings) {
            DetectorSettings ds = DetectorSettings.defaults();
            for (String kv : (s[1] + " " + extra).trim().split("\\s+")) {
                if (!kv.isEmpty()) {
                    String[] p = kv.split("=");
                    ds = ds.with(p[0], Double.parseDouble(p[1]));
                }
            }
            for (int stepSeconds : new int[] {300, 60}) {
                for (Odd odd : Odd.values()) {
                    run(s[0], ds, stepSeconds, odd);
                }
            }
        }
    }

    static double cpu(long t, Odd odd, Random r) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
        int week = (int) ((t - T0) / (7 * 86_400_000L)) + 1;
        double h = z.getHour() + z.getMinute() / 60.0;
        boolean weekend = z.getDayOfWeek() == DayOfWeek.SATURDAY || z.getDayOfWeek() == DayOfWeek.SUNDAY;
        double v = weekend ? 12 : h >= 9 && h < 17 ? 45 : 15;
        boolean monday = z.getDayOfWeek() == DayOfWeek.MONDAY;
        boolean peak = monday && h >= 8 && h < 10;
        boolean missing = (odd == Odd.MISSING_WEEK4 && week == 4) || (odd == Odd.MISSING_WEEK5 && week == 5);
        if (peak && !missing) {
            v = 85;
        }
        if (odd == Odd.LONGER_WEEK4 && week == 4 && monday && h >= 10 && h < 12) {
            v = 85;
        }
        return Math.max(0, v + r.nextGaussian() * 3);
    }

    static boolean oddMonday(long t, Odd odd) {
        int week = (int) ((t - T0) / (7 * 86_400_000L)) + 1;
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
        int oddWeek = switch (odd) {
            case NONE -> -1;
            case MISSING_WEEK4, LONGER_WEEK4 -> 4;
            case MISSING_WEEK5 -> 5;
        };
        // the odd period and the hour after it (a missing peak can only be seen once it is missing for a while)
        return week == oddWeek && z.getDayOfWeek() == DayOfWeek.MONDAY && z.getHour() >= 8 && z.getHour() < 13;
    }

    static void run(String name, DetectorSettings s, int stepSeconds, Odd odd) {
        SeriesDetector d = new SeriesDetector(s, List.of(Metric.CPU), true, 288);
        Random r = new Random(42);
        long rows = WEEKS * 7L * 86_400 / stepSeconds;
        long weekly = 0;
        long late = 0;
        boolean raisedOdd = false;
        String explanation = "";
        List<String> others = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            long t = T0 + i * stepSeconds * 1000L;
            RowResult row = d.next(t, new double[] {cpu(t, odd, r)});
            if (t - T0 >= 21 * 86_400_000L) {
                late++;
                weekly += d.metricState(0).season() == Season.WEEKLY ? 1 : 0;
            }
            if (row.raised()) {
                if (oddMonday(t, odd)) {
                    raisedOdd = true;
                    explanation = explanation.isEmpty() ? row.summary() : explanation;
                } else {
                    ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
                    others.add("w" + ((t - T0) / (7 * 86_400_000L) + 1) + " " + z.getDayOfWeek().toString().substring(0, 3) + " "
                            + z.toLocalTime().toString().substring(0, 5));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s\t%ds\t%s\t%.2f\t%s\t%d%s\t%s%n", name, stepSeconds, odd, (double) weekly / late,
                odd == Odd.NONE ? "-" : raisedOdd ? "yes" : "NO", others.size(),
                others.isEmpty() ? "" : " " + others, explanation);
    }
}
