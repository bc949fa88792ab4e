package io.smartcloudops.agent.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alarms of several series scored against their labels, with and without the FP-event cap.
 *
 * @param capped   per-file scores with the FP-event cap of the rules given (the headline)
 * @param uncapped the same alarms without the cap
 */
public record Evaluation(ScoringRules rules, List<FileScore> capped, List<FileScore> uncapped) {

    /** One series to score: its label key, row timestamps, and flagged rows. */
    public record Series(String key, List<Instant> times, int[] alarms) {
    }

    public static Evaluation of(LabelWindows labels, List<Series> series, ScoringRules rules) {
        EventScorer cappedScorer = new EventScorer(rules);
        EventScorer uncappedScorer = new EventScorer(new ScoringRules(rules.gap(), rules.probation(), 0));
        List<FileScore> c = new ArrayList<>();
        List<FileScore> u = new ArrayList<>();
        for (Series s : series.stream().sorted(java.util.Comparator.comparing(Series::key)).toList()) {
            c.add(cappedScorer.score(s.key(), s.times(), labels.windows(s.key()), s.alarms()));
            u.add(uncappedScorer.score(s.key(), s.times(), labels.windows(s.key()), s.alarms()));
        }
        return new Evaluation(rules, c, u);
    }

    public Summary summary() {
        return Summary.of(capped);
    }

    public Summary uncappedSummary() {
        return Summary.of(uncapped);
    }

    /** A table per file and the overall line, in the layout of the reference scorer. */
    public void print(PrintWriter out) {
        int w = Math.max(15, capped.stream().mapToInt(s -> s.key().length()).max().orElse(4));
        out.printf(Locale.ROOT, "%-" + w + "s  %4s  %4s  %5s  %6s  %6s  %6s  %6s  %6s  %6s%n", "file", "win", "det", "fp_ev",
                "P", "R", "F1", "delay", "ptF1", "paF1");
        for (FileScore s : capped) {
            row(out, w, s.key(), s.windows(), s.detected(), s.fpEvents(), s.event(), s.delayMean(), s.point(), s.pointAdjusted());
        }
        Summary o = summary();
        row(out, w, "OVERALL (micro)", o.windows(), o.detected(), o.fpEvents(), o.event(), o.delayMean(), o.point(), o.pointAdjusted());
        Summary un = uncappedSummary();
        out.printf(Locale.ROOT, "event F1 (FP cap %d rows) = %s  P=%s R=%s  windows=%d detected=%d fp_events=%d  macro F1=%s%n",
                rules.maxFpEventRows(), f(o.event().f1()), f(o.event().precision()), f(o.event().recall()), o.windows(),
                o.detected(), o.fpEvents(), f(o.eventF1Macro()));
        out.printf(Locale.ROOT, "event F1 (no cap) = %s  P=%s fp_events=%d%n", f(un.event().f1()), f(un.event().precision()), un.fpEvents());
        out.printf(Locale.ROOT, "delay mean=%s median=%s rows  alarm_rate=%s  point F1=%s  point-adjusted F1=%s%n",
                f1(o.delayMean()), f1(o.delayMedian()), String.format(Locale.ROOT, "%.4f", o.alarmRate()), f(o.point().f1()),
                f(o.pointAdjusted().f1()));
        out.flush();
    }

    private static void row(PrintWriter out, int w, String key, int win, int det, int fp, Prf e, double delay, Prf pt, Prf pa) {
        out.printf(Locale.ROOT, "%-" + w + "s  %4d  %4d  %5d  %6s  %6s  %6s  %6s  %6s  %6s%n", key, win, det, fp,
                f(e.precision()), f(e.recall()), f(e.f1()), f1(delay), f(pt.f1()), f(pa.f1()));
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f1(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Overall figures as JSON (NaN as null), for {@code --json} and the model card. */
    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        Summary o = summary();
        Summary un = uncappedSummary();
        ObjectNode ov = root.putObject("overall");
        ov.put("files", o.files());
        ov.put("windows", o.windows());
        ov.put("detected", o.detected());
        put(ov, "event_f1_cap" + rules.maxFpEventRows(), o.event().f1());
        put(ov, "event_precision_cap" + rules.maxFpEventRows(), o.event().precision());
        ov.put("fp_events_cap" + rules.maxFpEventRows(), o.fpEvents());
        put(ov, "event_recall", o.event().recall());
        put(ov, "event_f1", un.event().f1());
        put(ov, "event_precision", un.event().precision());
        ov.put("fp_events", un.fpEvents());
        put(ov, "event_f1_macro_cap" + rules.maxFpEventRows(), o.eventF1Macro());
        put(ov, "delay_mean", o.delayMean());
        put(ov, "delay_median", o.delayMedian());
        ov.put("alarms", o.alarms());
        put(ov, "alarm_rate", o.alarmRate());
        put(ov, "point_f1", o.point().f1());
        put(ov, "point_adjusted_f1", o.pointAdjusted().f1());
        ObjectNode files = root.putObject("files");
        for (int i = 0; i < capped.size(); i++) {
            FileScore s = capped.get(i);
            ObjectNode fn = files.putObject(s.key());
            fn.put("rows", s.rows());
            fn.put("probation_rows", s.probationRows());
            fn.put("windows", s.windows());
            fn.put("detected", s.detected());
            fn.put("fp_events_cap" + rules.maxFpEventRows(), s.fpEvents());
            fn.put("fp_events", uncapped.get(i).fpEvents());
            fn.put("alarms", s.alarms());
            put(fn, "event_f1_cap" + rules.maxFpEventRows(), s.event().f1());
            put(fn, "delay_mean", s.delayMean());
        }
        ObjectNode r = root.putObject("rules");
        r.put("gap", rules.gap());
        r.put("probation", rules.probation());
        r.put("max_fp_event_len", rules.maxFpEventRows());
        return root;
    }

    private static void put(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    /** Row alarms from a map of key to rows, for series present in {@code times}. */
    public static List<Series> series(Map<String, List<Instant>> times, Map<String, int[]> alarms) {
        List<Series> out = new ArrayList<>();
        times.forEach((k, t) -> out.add(new Series(k, t, alarms.getOrDefault(k, new int[0]))));
        return out;
    }
}
