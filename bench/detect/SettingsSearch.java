import io.smartcloudops.agent.detect.BatchDetector;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.SuiteReport;
import io.smartcloudops.agent.evaluate.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The settings search of issue 13: a grid over a few meaningful knobs, every setting scored on the whole suite (NAB
 * development and wide sets, fault recordings), then the choice of the plateau (the best mean over a setting and its
 * grid neighbours, not the single best cell) and a leave-one-category-out estimate (for each category, the plateau
 * chosen without it, scored on it). One configuration for every series; labels are read only to score.
 *
 * <pre>
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/SettingsSearch.java grid OUT.tsv [knob=v1,v2,... ...]
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/SettingsSearch.java analyse OUT.tsv
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/SettingsSearch.java one [knob=value ...]
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/SettingsSearch.java ablation
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/SettingsSearch.java files [knob=value ...]
 * </pre>
 *
 * {@code grid} writes one line per setting (its knobs, then per category: windows, found, FP events) and can be
 * resumed (settings already in OUT.tsv are skipped); {@code analyse} reads such a file and prints the plateau, the
 * peak and the leave-one-category-out table; {@code one} prints the suite table of one setting; {@code files} prints
 * one setting's windows found and false-alarm events per series (where they come from); {@code ablation} takes
 * each component of the shipped detector away in turn and prints one line per variant.
 *
 * <p>Objective of a setting: the mean over the categories (the NAB categories with windows, and the fault runs
 * together as one) of their event F1 (FP cap 12), so every kind of data weighs the same and none can be given up
 * for a better total; false alarms on artificialNoAnomaly count against its neighbour artificialWithAnomaly.
 */
public class SettingsSearch {

    static final String NO_ANOMALY = "wide/artificialNoAnomaly";

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "one";
        switch (mode) {
            case "grid" -> grid(Path.of(args[1]), List.of(args).subList(2, args.length));
            case "analyse" -> analyse(Path.of(args[1]));
            case "ablation" -> ablation();
            case "files" -> files(List.of(args).subList(1, args.length));
            default -> one(List.of(args).subList(1, args.length));
        }
    }

    /** Each component taken away in turn (knobs that switch it off); the isolation forest is in forest/ForestDesigns. */
    static final String[][] ABLATION = {
        {"shipped", ""},
        {"no seasons (values only, no daily or weekly profile)", "seasons=0"},
        {"horizon 4 days instead of 56 (1,152 rows at 5 minutes, the previous detector's)", "horizon_days=4"},
        {"horizon 1 day", "horizon_days=1"},
        {"horizon 28 days", "horizon_days=28"},
        {"novelty counts only at 2.5 (no borderline level)", "band_novelty=2.5 keep_novelty=2.5"},
        {"borderline novelty (1.0-2.5) counts only after lasting 12 rows", "band_confirm_rows=12"},
        {"borderline novelty counts at once, whatever the sampling (band_confirm_seconds 0)", "band_confirm_seconds=0"},
        {"no hysteresis (an incident stays open only at 2.5)", "keep_novelty=2.5"},
        {"no exclusion of the most recent rows (1 row instead of 24)", "exclusion_rows=1"},
        {"metrics of an incident learn again after 1 row instead of 288 (no keep-out of anomalies)", "adopt_rows=1"},
        {"no relative scale floor (scale_range_fraction 0)", "scale_range_fraction=0"},
        {"no confirmation (an incident raised on its first anomalous row)", "confirm_rows=1"},
    };

    static void ablation() throws Exception {
        BenchmarkSuite suite = suite();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        boolean first = true;
        for (String[] v : ABLATION) {
            Map<String, Double> knobs = new LinkedHashMap<>();
            if (!v[1].isEmpty()) {
                for (String kv : v[1].split(" ")) {
                    knobs.put(kv.split("=")[0], Double.parseDouble(kv.split("=")[1]));
                }
            }
            SuiteReport r = run(suite, settings(knobs), pool);
            if (first) {
                System.out.println("variant\tknobs\t" + r.header());
                first = false;
            }
            System.out.println(v[0] + "\t" + (v[1].isEmpty() ? "-" : v[1]) + "\t" + r.line());
        }
        pool.shutdown();
    }

    static BenchmarkSuite suite() throws Exception {
        return BenchmarkSuite.read(Path.of("ml_models/datasets"));
    }

    static DetectorSettings settings(Map<String, Double> knobs) {
        DetectorSettings s = DetectorSettings.defaults();
        for (var e : knobs.entrySet()) {
            if (e.getKey().equals("band_keep")) {
                // the borderline level and the level that keeps an incident open, moved together
                s = s.with("band_novelty", e.getValue()).with("keep_novelty", e.getValue());
            } else {
                s = s.with(e.getKey(), e.getValue());
            }
        }
        return s;
    }

    static SuiteReport run(BenchmarkSuite suite, DetectorSettings s, ExecutorService pool) throws Exception {
        List<Future<int[]>> runs = new ArrayList<>();
        for (var series : suite.series()) {
            runs.add(pool.submit(() -> BatchDetector.run(series.table(), s).alarmRows()));
        }
        List<int[]> alarms = new ArrayList<>();
        for (var f : runs) {
            alarms.add(f.get());
        }
        return SuiteReport.of(suite, alarms, ScoringRules.capped());
    }

    static void one(List<String> args) throws Exception {
        Map<String, Double> knobs = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.split("=");
            knobs.put(kv[0], Double.parseDouble(kv[1]));
        }
        BenchmarkSuite suite = suite();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        SuiteReport r = run(suite, settings(knobs), pool);
        pool.shutdown();
        var out = new java.io.PrintWriter(System.out);
        r.print(out);
        out.printf(Locale.ROOT, "%s: %.1f s%n", knobs, (System.nanoTime() - t0) / 1e9);
        out.flush();
    }

    static void files(List<String> args) throws Exception {
        Map<String, Double> knobs = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.split("=");
            knobs.put(kv[0], Double.parseDouble(kv[1]));
        }
        BenchmarkSuite suite = suite();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        SuiteReport r = run(suite, settings(knobs), pool);
        pool.shutdown();
        System.out.println("series\twindows\tfound\tfp_events\talarms");
        for (int i = 0; i < r.scores().size(); i++) {
            var f = r.scores().get(i);
            System.out.printf(Locale.ROOT, "%s/%s\t%d\t%d\t%d\t%d%n", suite.series().get(i).category(), f.key(), f.windows(),
                    f.detected(), f.fpEvents(), f.alarms());
        }
    }

    /** The cartesian product of knob=v1,v2,... arguments. */
    static List<Map<String, Double>> product(List<String> args) {
        List<Map<String, Double>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (String a : args) {
            String[] kv = a.split("=");
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> base : out) {
                for (String v : kv[1].split(",")) {
                    Map<String, Double> m = new LinkedHashMap<>(base);
                    m.put(kv[0], Double.parseDouble(v));
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    static String key(Map<String, Double> knobs) {
        StringBuilder sb = new StringBuilder();
        knobs.forEach((k, v) -> sb.append(sb.length() > 0 ? " " : "").append(k).append('=').append(fmt(v)));
        return sb.toString();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static void grid(Path out, List<String> args) throws Exception {
        List<Map<String, Double>> settings = product(args);
        java.util.Set<String> done = new java.util.HashSet<>();
        if (Files.exists(out)) {
            for (String l : Files.readAllLines(out)) {
                if (!l.startsWith("#") && !l.isBlank()) {
                    done.add(l.split("\t")[0]);
                }
            }
        }
        BenchmarkSuite suite = suite();
        if (!Files.exists(out)) {
            StringBuilder h = new StringBuilder("# setting");
            for (String c : suite.categories()) {
                h.append('\t').append(c);
            }
            Files.writeString(out, h.append("\tseconds\n").toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int n = 0;
        for (Map<String, Double> knobs : settings) {
            String key = key(knobs);
            if (done.contains(key)) {
                continue;
            }
            long t0 = System.nanoTime();
            SuiteReport r = run(suite, settings(knobs), pool);
            StringBuilder line = new StringBuilder(key);
            for (SuiteReport.Group g : r.categories()) {
                Summary s = g.summary();
                line.append('\t').append(s.windows()).append(' ').append(s.detected()).append(' ').append(s.fpEvents());
            }
            line.append('\t').append(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9)).append('\n');
            Files.writeString(out, line.toString(), java.nio.file.StandardOpenOption.APPEND);
            System.out.printf(Locale.ROOT, "%d/%d %s  objective %.3f  nab %.3f  faults %.3f%n", ++n, settings.size() - done.size(), key,
                    objective(parse(line.toString().trim(), header(out)), null), nab(parse(line.toString().trim(), header(out))),
                    f1(parse(line.toString().trim(), header(out)).get("faults")));
        }
        pool.shutdown();
    }

    // ---------------------------------------------------------------- analysis

    static List<String> header(Path file) throws Exception {
        String h = Files.readAllLines(file).getFirst();
        List<String> cols = new ArrayList<>(List.of(h.substring(2).split("\t")));
        return cols.subList(1, cols.size() - 1);
    }

    /** Category -> {windows, found, fp}; the four fault runs also summed as "faults". */
    static Map<String, int[]> parse(String line, List<String> categories) {
        String[] cells = line.split("\t");
        Map<String, int[]> out = new LinkedHashMap<>();
        int[] faults = new int[3];
        for (int i = 0; i < categories.size(); i++) {
            String[] c = cells[i + 1].split(" ");
            int[] v = {Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2])};
            out.put(categories.get(i), v);
            if (categories.get(i).startsWith("faults/")) {
                for (int k = 0; k < 3; k++) {
                    faults[k] += v[k];
                }
            }
        }
        out.put("faults", faults);
        return out;
    }

    static double f1(int[] c) {
        double p = c[1] + c[2] == 0 ? 0 : (double) c[1] / (c[1] + c[2]);
        double r = c[0] == 0 ? 0 : (double) c[1] / c[0];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The categories the objective averages: NAB categories with windows, and the fault runs together. */
    static List<String> objectiveCategories(Map<String, int[]> cats) {
        List<String> out = new ArrayList<>();
        for (String c : cats.keySet()) {
            if (c.equals("faults") || (!c.startsWith("faults/") && !c.equals(NO_ANOMALY))) {
                out.add(c);
            }
        }
        return out;
    }

    /** Mean category F1; the no-anomaly set's false alarms are added to artificialWithAnomaly's. */
    static double objective(Map<String, int[]> cats, String leaveOut) {
        double sum = 0;
        int n = 0;
        for (String c : objectiveCategories(cats)) {
            if (c.equals(leaveOut)) {
                continue;
            }
            int[] v = cats.get(c).clone();
            if (c.equals("wide/artificialWithAnomaly") && cats.containsKey(NO_ANOMALY) && !NO_ANOMALY.equals(leaveOut)) {
                v[2] += cats.get(NO_ANOMALY)[2];
            }
            sum += f1(v);
            n++;
        }
        return sum / n;
    }

    static double nab(Map<String, int[]> cats) {
        int[] t = new int[3];
        cats.forEach((c, v) -> {
            if (!c.startsWith("faults")) {
                for (int k = 0; k < 3; k++) {
                    t[k] += v[k];
                }
            }
        });
        return f1(t);
    }

    record Row(Map<String, Double> knobs, Map<String, int[]> cats) {
    }

    static Map<String, Double> knobsOf(String key) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String kv : key.split(" ")) {
            if (!kv.isBlank()) {
                String[] p = kv.split("=");
                m.put(p[0], Double.parseDouble(p[1]));
            }
        }
        return m;
    }

    /** Settings that differ from {@code r} in one knob by one step of that knob's values in the grid. */
    static List<Row> neighbours(Row r, List<Row> all, Map<String, List<Double>> values) {
        List<Row> out = new ArrayList<>();
        for (Row o : all) {
            int differing = 0;
            boolean adjacent = true;
            for (String k : r.knobs().keySet()) {
                double a = r.knobs().get(k);
                double b = o.knobs().getOrDefault(k, Double.NaN);
                if (a != b) {
                    differing++;
                    List<Double> vs = values.get(k);
                    adjacent &= Math.abs(vs.indexOf(a) - vs.indexOf(b)) == 1;
                }
            }
            if (differing == 1 && adjacent) {
                out.add(o);
            }
        }
        return out;
    }

    /** Objective averaged over the setting and its grid neighbours: high only on a plateau. */
    static double plateau(Row r, List<Row> all, Map<String, List<Double>> values, String leaveOut) {
        double sum = objective(r.cats(), leaveOut);
        List<Row> nb = neighbours(r, all, values);
        for (Row o : nb) {
            sum += objective(o.cats(), leaveOut);
        }
        return sum / (1 + nb.size());
    }

    static void analyse(Path file) throws Exception {
        List<String> categories = header(file);
        List<Row> rows = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.startsWith("#") && !l.isBlank()) {
                rows.add(new Row(knobsOf(l.split("\t")[0]), parse(l, categories)));
            }
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Row r : rows) {
            r.knobs().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        values.replaceAll((k, v) -> v.stream().distinct().sorted().toList());
        Row peak = rows.stream().max(java.util.Comparator.comparingDouble(r -> objective(r.cats(), null))).orElseThrow();
        Row flat = rows.stream().max(java.util.Comparator.comparingDouble(r -> plateau(r, rows, values, null))).orElseThrow();
        System.out.printf(Locale.ROOT, "%d settings, knobs %s%n", rows.size(), values);
        describe("peak (best objective)", peak, rows, values);
        describe("plateau (best mean over the setting and its grid neighbours): CHOSEN", flat, rows, values);
        double[] objs = rows.stream().mapToDouble(r -> objective(r.cats(), null)).sorted().toArray();
        System.out.printf(Locale.ROOT, "objective over all settings: min %.3f, median %.3f, max %.3f%n", objs[0], objs[objs.length / 2],
                objs[objs.length - 1]);

        System.out.println();
        System.out.println("leave one category out: the plateau chosen without the category, scored on it");
        System.out.println("category\tchosen without it\theld-out F1 (windows found, FP)\tF1 at the overall choice\tbest F1 any setting");
        int[] held = new int[3];
        int[] nabHeld = new int[3];
        for (String c : objectiveCategories(rows.getFirst().cats())) {
            Row chosen = rows.stream().max(java.util.Comparator.comparingDouble(r -> plateau(r, rows, values, c))).orElseThrow();
            int[] v = chosen.cats().get(c);
            double best = rows.stream().mapToDouble(r -> f1(r.cats().get(c))).max().orElse(0);
            System.out.printf(Locale.ROOT, "%s\t%s\t%.3f (%d/%d, %d)\t%.3f\t%.3f%n", c, key(chosen.knobs()), f1(v), v[1], v[0], v[2],
                    f1(flat.cats().get(c)), best);
            for (int k = 0; k < 3; k++) {
                held[k] += v[k];
                if (!c.equals("faults")) {
                    nabHeld[k] += v[k];
                }
            }
        }
        System.out.printf(Locale.ROOT, "held-out categories pooled: NAB %.3f (%d/%d, %d FP); NAB + faults %.3f%n", f1(nabHeld), nabHeld[1],
                nabHeld[0], nabHeld[2], f1(held));
    }

    static void describe(String what, Row r, List<Row> rows, Map<String, List<Double>> values) {
        System.out.printf(Locale.ROOT, "%s: %s%n  objective %.3f, plateau %.3f, NAB total %.3f, faults %.3f; per category:", what,
                key(r.knobs()), objective(r.cats(), null), plateau(r, rows, values, null), nab(r.cats()), f1(r.cats().get("faults")));
        r.cats().forEach((c, v) -> System.out.printf(Locale.ROOT, " %s %s", c.replace("wide/", "w/").replace("dev/", "d/"),
                v[0] == 0 ? v[2] + "FP" : String.format(Locale.ROOT, "%.2f", f1(v))));
        System.out.println();
    }
}
