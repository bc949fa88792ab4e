package io.smartcloudops.agent.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A detector's alarms on a whole {@link BenchmarkSuite}, scored with the capped event F1 of {@code evaluate}:
 * per category, per data set (dev, wide, faults) and for the two NAB sets together, plus the figures a
 * setting must not give up for a better total: the worst category with windows, the false-alarm events on
 * series without any anomaly, and the anomaly records per detected fault window (one fault, one record).
 *
 * @param scores  per series, in suite order
 * @param records per series: alarm rows inside detected windows (each raised record is one alarm row)
 */
public record SuiteReport(BenchmarkSuite suite, List<FileScore> scores, int[] records) {

    /** Category without windows whose every alarm is false. */
    public static final String NO_ANOMALY = "wide/artificialNoAnomaly";

    /** Scores each series' alarm rows (row indices of raised anomalies). */
    public static SuiteReport of(BenchmarkSuite suite, List<int[]> alarms, ScoringRules rules) {
        if (alarms.size() != suite.series().size()) {
            throw new IllegalArgumentException(alarms.size() + " alarm lists for " + suite.series().size() + " series");
        }
        EventScorer scorer = new EventScorer(rules);
        List<FileScore> scores = new ArrayList<>();
        int[] records = new int[alarms.size()];
        for (int i = 0; i < alarms.size(); i++) {
            BenchmarkSuite.LabelledSeries s = suite.series().get(i);
            scores.add(scorer.score(s.key(), s.table().timestamps(), s.windows(), alarms.get(i)));
            records[i] = recordsInDetectedWindows(s, alarms.get(i), rules);
        }
        return new SuiteReport(suite, scores, records);
    }

    private static int recordsInDetectedWindows(BenchmarkSuite.LabelledSeries s, int[] alarms, ScoringRules rules) {
        int p = rules.probationRows(s.table().rows());
        int n = 0;
        for (LabelWindows.Window w : s.windows()) {
            int inside = 0;
            for (int a : alarms) {
                if (a >= p && a < s.table().rows() && w.contains(s.table().timestamps().get(a))) {
                    inside++;
                }
            }
            n += inside;
        }
        return n;
    }

    /** Figures of one group of series. */
    public record Group(String name, Summary summary, int records) {
        public double f1() {
            return summary.event().f1();
        }

        /** Anomaly records per detected window (NaN when none was detected). */
        public double recordsPerWindow() {
            return summary.detected() == 0 ? Double.NaN : (double) records / summary.detected();
        }
    }

    public Group group(String name, java.util.function.Predicate<BenchmarkSuite.LabelledSeries> member) {
        List<FileScore> in = new ArrayList<>();
        int rec = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (member.test(suite.series().get(i))) {
                in.add(scores.get(i));
                rec += records[i];
            }
        }
        return new Group(name, Summary.of(in), rec);
    }

    public List<Group> categories() {
        return suite.categories().stream().map(c -> group(c, s -> s.category().equals(c))).toList();
    }

    public Group dataSet(String name) {
        return group(name, s -> s.dataSet().equals(name));
    }

    /** Both NAB sets together. */
    public Group nab() {
        return group("dev+wide", s -> !s.dataSet().equals("faults"));
    }

    /** The category with windows whose F1 is lowest. */
    public Group worstCategory() {
        return categories().stream().filter(g -> g.summary().windows() > 0)
                .min(java.util.Comparator.comparingDouble(Group::f1)).orElseThrow();
    }

    /** The worst NAB category with windows (the fault runs are judged by their own target). */
    public Group worstNabCategory() {
        return categories().stream().filter(g -> g.summary().windows() > 0 && !g.name().startsWith("faults/"))
                .min(java.util.Comparator.comparingDouble(Group::f1)).orElseThrow();
    }

    public int noAnomalyFpEvents() {
        return group(NO_ANOMALY, s -> s.category().equals(NO_ANOMALY)).summary().fpEvents();
    }

    /** The table: categories, data-set totals, the worst category, false alarms without anomalies, records per fault window. */
    public void print(PrintWriter out) {
        String fmt = "%-30s %5s %5s %5s %6s %6s %6s %6s%n";
        out.printf(Locale.ROOT, fmt, "category", "files", "win", "found", "fp_ev", "P", "R", "F1");
        String last = null;
        for (Group g : categories()) {
            String ds = g.name().substring(0, g.name().indexOf('/'));
            if (last != null && !last.equals(ds)) {
                row(out, fmt, dataSet(last), last + " (total)");
            }
            last = ds;
            row(out, fmt, g, g.name());
        }
        if (last != null) {
            row(out, fmt, dataSet(last), last + " (total)");
        }
        row(out, fmt, nab(), "dev+wide (NAB total)");
        Group worst = worstNabCategory();
        Group faults = dataSet("faults");
        out.printf(Locale.ROOT, "worst NAB category with windows: %s %s; NAB total %s; dev %s; wide %s%n", worst.name(), f(worst.f1()),
                f(nab().f1()), f(dataSet("dev").f1()), f(dataSet("wide").f1()));
        out.printf(Locale.ROOT, "false-alarm events on %s: %d%n", NO_ANOMALY, noAnomalyFpEvents());
        out.printf(Locale.ROOT, "anomaly records per detected fault window: %s (%d records, %d windows found)%n",
                f(faults.recordsPerWindow()), faults.records(), faults.summary().detected());
        out.flush();
    }

    private static void row(PrintWriter out, String fmt, Group g, String label) {
        Summary s = g.summary();
        out.printf(Locale.ROOT, fmt, label, s.files(), s.windows(), s.detected(), s.fpEvents(), f(s.event().precision()),
                s.windows() == 0 ? "-" : f(s.event().recall()), s.windows() == 0 ? "-" : f(s.event().f1()));
    }

    static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** One tab-separated line: totals, worst category, no-anomaly FP events, records per fault window, every category's F1. */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append(f(nab().f1())).append('\t').append(f(dataSet("dev").f1())).append('\t').append(f(dataSet("wide").f1()))
                .append('\t').append(f(dataSet("faults").f1())).append('\t').append(f(worstNabCategory().f1())).append('\t')
                .append(noAnomalyFpEvents()).append('\t').append(f(dataSet("faults").recordsPerWindow()));
        for (Group g : categories()) {
            Summary s = g.summary();
            sb.append('\t').append(s.windows() == 0 ? String.valueOf(s.fpEvents()) : f(g.f1()) + " " + s.detected() + "/" + s.windows()
                    + " " + s.fpEvents());
        }
        return sb.toString();
    }

    /** The header of {@link #line()}. */
    public String header() {
        StringBuilder sb = new StringBuilder("nab_f1\tdev_f1\twide_f1\tfaults_f1\tworst_nab_category_f1\tno_anomaly_fp\tfault_records_per_window");
        for (String c : suite.categories()) {
            sb.append('\t').append(c);
        }
        return sb.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        Map<String, Group> groups = new LinkedHashMap<>();
        categories().forEach(g -> groups.put(g.name(), g));
        for (String ds : List.of("dev", "wide", "faults")) {
            groups.put(ds, dataSet(ds));
        }
        groups.put("dev+wide", nab());
        ObjectNode gs = root.putObject("groups");
        groups.forEach((name, g) -> {
            ObjectNode n = gs.putObject(name);
            Summary s = g.summary();
            n.put("files", s.files());
            n.put("windows", s.windows());
            n.put("detected", s.detected());
            n.put("fp_events_cap12", s.fpEvents());
            if (s.windows() > 0) {
                n.put("event_f1_cap12", s.event().f1());
            }
            n.put("records_in_detected_windows", g.records());
        });
        root.put("worst_nab_category", worstNabCategory().name());
        root.put("worst_nab_category_f1", worstNabCategory().f1());
        root.put("no_anomaly_fp_events", noAnomalyFpEvents());
        double r = dataSet("faults").recordsPerWindow();
        if (!Double.isNaN(r)) {
            root.put("fault_records_per_detected_window", r);
        }
        return root;
    }
}
