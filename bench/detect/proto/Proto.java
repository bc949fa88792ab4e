import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.SuiteReport;
import io.smartcloudops.api.Metric;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;

/**
 * The prototype the present detector was designed with (issue 13, docs/benchmarks.md, "Designs tried", steps 1-13),
 * kept for the record: every idea as a knob on the command line, run on the whole suite with the same scorer.
 * {@code MetricModel} is designs 1-2 (z-scores with likelihood or extreme-value calibration; unused by the default
 * path now), {@code NovModel}/{@code Stream} designs 3-13 (novelty beyond trailing ranges), {@code Plot} draws one
 * series. It is not the detector: the agent's {@code io.smartcloudops.agent.detect} is.
 *
 * <pre>
 * bench/detect/proto/run.sh [knob=value ...] [-v] [plot=SERIES] [debug=SERIES] [diag=1]
 * e.g. bench/detect/proto/run.sh Hdays=28 keepout=0 oldscale=1 ext=1 thr=2.5 keep=1.5 band=1.5 judge=2 bandconfirm=12
 * </pre>
 */
public class Proto {
    static final Map<String, Double> K = new TreeMap<>();
    static String DEBUG = null, PLOT = null;
    static final Map<String, double[]> SCORES = new ConcurrentHashMap<>();
    static double k(String n, double d) { return K.getOrDefault(n, d); }

    public static void main(String[] args) throws Exception {
        List<String> only = new ArrayList<>();
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("-v")) verbose = true;
            else if (a.startsWith("only=")) only.add(a.substring(5));
            else if (a.startsWith("debug=")) DEBUG = a.substring(6);
            else if (a.startsWith("plot=")) PLOT = a.substring(5);
            else { String[] kv = a.split("="); K.put(kv[0], Double.parseDouble(kv[1])); }
        }
        BenchmarkSuite suite = BenchmarkSuite.read(Path.of("ml_models/datasets"));
        if (System.getenv("GRID") != null) {
            Map<String, Double> base = new TreeMap<>(K);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            for (String line : java.nio.file.Files.readAllLines(Path.of(System.getenv("GRID")))) {
                if (line.isBlank()) continue;
                K.clear(); K.putAll(base);
                for (String a : line.trim().split("\\s+")) { String[] kv = a.split("="); K.put(kv[0], Double.parseDouble(kv[1])); }
                List<Future<int[]>> fs = new ArrayList<>();
                for (var x : suite.series()) fs.add(pool.submit(() -> run(x)));
                List<int[]> alarms = new ArrayList<>();
                for (var f : fs) alarms.add(f.get());
                SuiteReport r = SuiteReport.of(suite, alarms, ScoringRules.capped());
                System.out.println("LINE\t" + line.trim() + "\t" + r.line());
                System.out.flush();
            }
            pool.shutdown();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<int[]>> fs = new ArrayList<>();
        for (var s : suite.series()) fs.add(pool.submit(() -> run(s)));
        List<int[]> alarms = new ArrayList<>();
        for (var f : fs) alarms.add(f.get());
        pool.shutdown();
        SuiteReport r = SuiteReport.of(suite, alarms, ScoringRules.capped());
        if (k("diag", 0) > 0) diag(suite);
        PrintWriter out = new PrintWriter(System.out);
        if (verbose) {
            var scores = r.scores();
            for (int i = 0; i < scores.size(); i++) {
                var fsc = scores.get(i);
                out.printf(Locale.ROOT, "  %-58s %d/%d fp %d alarms %s%n", fsc.key(), fsc.detected(), fsc.windows(), fsc.fpEvents(), Arrays.toString(alarms.get(i)));
            }
        }
        r.print(out);
        out.println("LINE\t" + K + "\t" + r.line());
        out.flush();
    }

    static int[] run(BenchmarkSuite.LabelledSeries s) {
        var t = s.table();
        if (k("old", 0) > 0) {
            var r = io.smartcloudops.agent.detect.BatchDetector.run(t, io.smartcloudops.agent.detect.DetectorSettings.defaults());
            double[] sc = new double[t.rows()];
            for (int i = 0; i < sc.length; i++) sc[i] = r.scores()[i] >= 1 ? 1e9 : r.scores()[i] / (1 - r.scores()[i]);
            SCORES.put(s.key(), sc);
            return r.alarmRows();
        }
        List<Metric> metrics = new ArrayList<>(t.metrics());
        int n = t.rows();
        NovModel[] mm = new NovModel[metrics.size()];
        for (int m = 0; m < mm.length; m++) {
            double floor = t.singleMetric() ? 0 : FLOORS[metrics.get(m).ordinal()];
            mm[m] = new NovModel(floor);
            mm[m].learnRows = ScoringRules.nabProbationRows(n);
        }
        double[][] cols = metrics.stream().map(x -> t.columns().get(x)).toArray(double[][]::new);
        Incidents inc = new Incidents((int) k("confirm", 3), (int) k("close", 12));
        List<Integer> out = new ArrayList<>();
        double thr = k("thr", 2.5), keep = k("keep", 2.5);
        boolean[] inIncident = new boolean[mm.length];
        int learn = ScoringRules.nabProbationRows(n);

        int adopt = (int) k("adopt", 288);
        int openRows = 0, bandRun = 0;
        List<double[]> learnRows = new ArrayList<>(); double[] fMed = null, fSc = null; io.smartcloudops.agent.detect.FlatForest forest = null; double gate = 0;
        Extreme metaMax = new Extreme(true);
        int metaL = (int) k("L", 2016);
        boolean plot = PLOT != null && s.key().contains(PLOT);
        double[] rowScore = new double[n];
        double[] pe = new double[n], ps = new double[n], plo = new double[n], phi = new double[n];
        for (int i = 0; i < n; i++) {
            long ts = t.timestamps().get(i).getEpochSecond();
            double best = 0;
            openRows = inc.open ? openRows + 1 : 0;
            for (int m = 0; m < mm.length; m++) {
                best = Math.max(best, mm[m].next(ts, cols[m][i], inc.open && inIncident[m] && openRows < adopt));
            }
            double raw = best;
            metaMax.evict(i - metaL);
            double hm = metaMax.get();
            if (k("beta", 0) > 0 && !Double.isNaN(hm)) best = best * thr / Math.max(thr, k("beta", 0) * hm);
            if (!inc.open) metaMax.add(i, raw);
            if (k("judge", 1) == 3) {
                if (i < learn) learnRows.add(forestRaw(mm));
                if (i == learn - 1) {
                    int d = learnRows.get(0).length; fMed = new double[d]; fSc = new double[d];
                    for (int j = 0; j < d; j++) {
                        final int jj = j;
                        double[] v = learnRows.stream().mapToDouble(a -> a[jj]).filter(x -> !Double.isNaN(x)).sorted().toArray();
                        fMed[j] = v.length == 0 ? 0 : v[v.length / 2];
                        fSc[j] = v.length == 0 ? 1 : Math.max(1e-9, Math.max(v[(int) (0.75 * (v.length - 1))] - v[(int) (0.25 * (v.length - 1))], (v[v.length - 1] - v[0]) / 20));
                    }
                    double[][] xs = new double[learnRows.size()][];
                    for (int q = 0; q < xs.length; q++) xs[q] = std(learnRows.get(q), fMed, fSc);
                    forest = io.smartcloudops.agent.detect.ForestTrainer.fitFlat(xs, 100, 256, 0);
                    gate = 0; for (double[] x : xs) gate = Math.max(gate, forest.score(x));
                }
            }
            if (i < learn) best = 0;
            rowScore[i] = best;
            boolean anomalous = inc.open ? best >= keep : best >= thr;
            double lo = k("band", 0);
            if (!inc.open && !anomalous && lo > 0 && best >= lo) {
                int judge = (int) k("judge", 1);
                if (judge == 1) { int c = 0; for (int m = 0; m < mm.length; m++) c = Math.max(c, mm[m].novelCount(lo * k("jf", 0.5))); anomalous = c >= 2; }
                else if (judge == 2) { bandRun++; anomalous = bandRun >= k("bandconfirm", 6); }
                else if (judge == 3 && forest != null) { anomalous = forest.score(forestRow(mm, fMed, fSc)) >= gate; }
            }
            if (best < lo) bandRun = 0;
            boolean raised = inc.next(anomalous);
            if (raised) out.add(i);
            if (plot) { pe[i] = mm[0].lastExpected; ps[i] = best; plo[i] = mm[0].lastLo; phi[i] = mm[0].lastHi; }
            if (DEBUG != null && s.key().contains(DEBUG) && (best >= keep || raised)) {
                System.out.printf(Locale.ROOT, "row %d %s x=%.3f best=%.2f nov=%s season=%d raised=%b%n", i, t.rawTimestamps().get(i), cols[0][i], best,
                        Arrays.toString(Arrays.stream(mm[0].lastNov).map(v -> Math.round(v * 100) / 100.0).toArray()), mm[0].season, raised);
            }
            if (!inc.open) Arrays.fill(inIncident, false);
            else for (int m = 0; m < mm.length; m++) if (mm[m].lastScore >= keep) inIncident[m] = true;
        }
        int[] res = out.stream().mapToInt(Integer::intValue).toArray();
        SCORES.put(s.key(), rowScore);
        if (k("seasoninfo", 0) > 0) {
            NovModel m0 = mm[0];
            System.out.printf(Locale.ROOT, "SEASON %-55s step=%.0f dailyAcf=%.2f weeklyAcf=%.2f daily%%=%.2f weekly%%=%.2f%n", s.key(), m0.step,
                    m0.daily == null ? Double.NaN : m0.daily.acf, m0.weekly == null ? Double.NaN : m0.weekly.acf, m0.seasonRows[1] / (double) n, m0.seasonRows[2] / (double) n);
        }
        if (plot) {
            List<int[]> wins = new ArrayList<>();
            for (var w : s.windows()) {
                int a = -1, b = -1;
                for (int i = 0; i < n; i++) if (w.contains(t.timestamps().get(i))) { if (a < 0) a = i; b = i; }
                if (a >= 0) wins.add(new int[] {a, b});
            }
            try {
                Plot.write("/tmp/plot.png", s.key() + " " + K, cols[0], pe, plo, phi, ps, thr, wins, res, learn, (int) k("from", 0), (int) k("to", n));
            } catch (Exception e) { throw new RuntimeException(e); }
        }
        return res;
    }

    /** Separability: window maxima vs outside event peaks, and the suite F1 a plain threshold would give. */
    static void diag(BenchmarkSuite suite) {
        Map<String, List<double[]>> winMax = new LinkedHashMap<>();   // category -> per window max
        Map<String, List<Double>> fpPeaks = new LinkedHashMap<>();
        for (var s : suite.series()) {
            double[] sc = SCORES.get(s.key());
            int n = sc.length, p = ScoringRules.nabProbationRows(n);
            boolean[] in = new boolean[n];
            List<double[]> wm = winMax.computeIfAbsent(s.category(), x -> new ArrayList<>());
            for (var w : s.windows()) {
                double m = 0; boolean any = false;
                for (int i = 0; i < n; i++) if (w.contains(s.table().timestamps().get(i))) { in[i] = true; m = Math.max(m, sc[i]); any = true; }
                if (any) wm.add(new double[] {m});
            }
            List<Double> fp = fpPeaks.computeIfAbsent(s.category(), x -> new ArrayList<>());
            double peak = 0; int lastHigh = -100;
            double lowLevel = k("diaglow", 0.5);
            for (int i = p; i < n; i++) {
                if (in[i]) { if (peak > 0) { fp.add(peak); peak = 0; } continue; }
                if (sc[i] >= lowLevel) { if (i - lastHigh > 12 && peak > 0) { fp.add(peak); peak = 0; } peak = Math.max(peak, sc[i]); lastHigh = i; }
            }
            if (peak > 0) fp.add(peak);
        }
        System.out.println("thr\t" + String.join("\t", winMax.keySet()) + "\tNAB");
        for (double T : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 15, 20}) {
            StringBuilder sb = new StringBuilder(String.valueOf(T));
            int tw = 0, tt = 0, tf = 0;
            for (String c : winMax.keySet()) {
                int w = winMax.get(c).size(), tp = 0, f = 0;
                for (double[] m : winMax.get(c)) if (m[0] >= T) tp++;
                for (double v : fpPeaks.get(c)) if (v >= T) f++;
                if (!c.startsWith("faults")) { tw += w; tt += tp; tf += f; }
                sb.append('\t').append(tp).append('/').append(w).append(' ').append(f);
            }
            double P = tt + tf == 0 ? 0 : (double) tt / (tt + tf), R = (double) tt / tw;
            sb.append(String.format(Locale.ROOT, "\t%.3f", P + R == 0 ? 0 : 2 * P * R / (P + R)));
            System.out.println(sb);
        }
    }

    static double[] forestRaw(NovModel[] mm) {
        double[] out = new double[mm.length * 4];
        for (int m = 0; m < mm.length; m++) {
            Stream st = mm[m].rawS;
            if (st == null) { Arrays.fill(out, m * 4, m * 4 + 4, Double.NaN); continue; }
            out[m * 4] = st.f[0]; out[m * 4 + 1] = st.f[1]; out[m * 4 + 2] = st.f[2]; out[m * 4 + 3] = st.f3;
        }
        return out;
    }
    static double[] std(double[] a, double[] med, double[] sc) {
        double[] o = new double[a.length];
        for (int j = 0; j < a.length; j++) o[j] = Double.isNaN(a[j]) ? 0 : (a[j] - med[j]) / sc[j];
        return o;
    }
    static double[] forestRow(NovModel[] mm, double[] med, double[] sc) { return std(forestRaw(mm), med, sc); }

    static final double[] FLOORS = {2.0, 1.0, 0.5, 2.0, 10000, 10000, 0.2};

    static final class Incidents {
        final int confirm, close;
        int run, normal;
        boolean open;
        Incidents(int c, int cl) { confirm = c; close = cl; }
        boolean next(boolean a) {
            if (open) {
                if (a) normal = 0; else if (++normal >= close) { open = false; run = 0; }
                return false;
            }
            run = a ? run + 1 : 0;
            if (run >= confirm) { open = true; normal = 0; return true; }
            return false;
        }
    }

    /** A sliding window kept sorted: add evicts the oldest. */
    static final class SortedWindow {
        final double[] ring; final double[] sorted; int size, head;
        SortedWindow(int w) { ring = new double[w]; sorted = new double[w]; }
        void add(double v) {
            if (size == ring.length) {
                double old = ring[head];
                int idx = Arrays.binarySearch(sorted, 0, size, old);
                System.arraycopy(sorted, idx + 1, sorted, idx, size - idx - 1);
                size--;
            }
            ring[head] = v; head = (head + 1) % ring.length;
            int pos = Arrays.binarySearch(sorted, 0, size, v);
            if (pos < 0) pos = -pos - 1;
            System.arraycopy(sorted, pos, sorted, pos + 1, size - pos);
            sorted[pos] = v; size++;
        }
        double q(double p) {
            if (size == 0) return Double.NaN;
            double pos = p * (size - 1); int lo = (int) pos; int hi = Math.min(lo + 1, size - 1);
            return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    /** Per bin of a period, the last K cycles' bin means (with their cycle numbers), and the lag-1-cycle autocorrelation. */
    static final class SeasonBins {
        final long period; final int bins; final int k; final double width;
        final double[][] vals; final long[][] cyc; final int[] count; final int[] head;
        long curKey = Long.MIN_VALUE; double sum; int cnt;
        long lastCycle = Long.MIN_VALUE; double acf = Double.NaN; int cyclesSeen;
        SeasonBins(long period, double step, int maxBins, int k) {
            this.period = period; this.k = k;
            bins = (int) Math.max(1, Math.min(maxBins, Math.round(period / step)));
            width = (double) period / bins;
            vals = new double[bins][k]; cyc = new long[bins][k]; count = new int[bins]; head = new int[bins];
        }
        int bin(long t) { return (int) Math.min(bins - 1, Math.floorMod(t, period) / width); }
        void add(long t, double v) {
            long key = Math.floorDiv(t, period) * bins + bin(t);
            if (key != curKey) { flush(); curKey = key; }
            sum += v; cnt++;
            long c = Math.floorDiv(t, period);
            if (c != lastCycle) { if (lastCycle != Long.MIN_VALUE) { cyclesSeen++; acf = computeAcf(); } lastCycle = c; }
        }
        void flush() {
            if (cnt > 0 && curKey != Long.MIN_VALUE) {
                int b = (int) Math.floorMod(curKey, (long) bins);
                vals[b][head[b]] = sum / cnt; cyc[b][head[b]] = Math.floorDiv(curKey, (long) bins);
                head[b] = (head[b] + 1) % k; count[b] = Math.min(k, count[b] + 1);
            }
            sum = 0; cnt = 0;
        }
        double valueAt(int b, long c) {
            for (int j = 0; j < count[b]; j++) if (cyc[b][j] == c) return vals[b][j];
            return Double.NaN;
        }
        /** correlation of consecutive cycles' bin values, each cycle's mean removed; NaN without two cycles */
        double computeAcf() {
            Map<Long, double[]> means = new HashMap<>();
            for (int b = 0; b < bins; b++) for (int j = 0; j < count[b]; j++) { double[] m = means.computeIfAbsent(cyc[b][j], x -> new double[2]); m[0] += vals[b][j]; m[1]++; }
            double sxy = 0, sxx = 0, syy = 0; int n = 0;
            for (int b = 0; b < bins; b++) for (int j = 0; j < count[b]; j++) {
                long c = cyc[b][j]; double prev = valueAt(b, c - 1);
                if (Double.isNaN(prev)) continue;
                double[] mc = means.get(c), mp = means.get(c - 1);
                if (mc[1] < bins / 2 || mp[1] < bins / 2) continue;
                double d1 = vals[b][j] - mc[0] / mc[1], d2 = prev - mp[0] / mp[1];
                sxy += d1 * d2; sxx += d1 * d1; syy += d2 * d2; n++;
            }
            return n < bins / 2 || sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
        }
        /** median of the bin and its neighbours' stored values; NaN when fewer than minCycles in the bin */
        double expected(long t, int minCycles, int nb) {
            int b = bin(t);
            if (count[b] < minCycles) return Double.NaN;
            double[] tmp = new double[(2 * nb + 1) * k]; int m = 0;
            for (int d = -nb; d <= nb; d++) {
                int bb = Math.floorMod(b + d, bins);
                for (int j = 0; j < count[bb]; j++) tmp[m++] = vals[bb][j];
            }
            Arrays.sort(tmp, 0, m);
            return m % 2 == 1 ? tmp[m / 2] : (tmp[m / 2 - 1] + tmp[m / 2]) / 2;
        }
    }

    /** Calibrates a non-negative raw score: block maxima over a long window, exponential tail over the top ones. */
    static final class Tail {
        final int block; final double[] maxima; int n, idx, inBlock; double curMax;
        double u = Double.NaN, beta, frac; double[] sorted = new double[0];
        Tail(int block, int blocks) { this.block = block; maxima = new double[blocks]; }
        void add(double a) {
            curMax = Math.max(curMax, a);
            if (++inBlock >= block) {
                maxima[idx] = curMax; idx = (idx + 1) % maxima.length; n = Math.min(n + 1, maxima.length);
                curMax = 0; inBlock = 0; refit();
            }
        }
        void refit() {
            sorted = Arrays.copyOf(maxima, n); Arrays.sort(sorted);
            int top = Math.max(2, (int) Math.round(k("topfrac", 0.1) * n));
            top = Math.min(top, n);
            u = sorted[n - top];
            double ex = 0; for (int i = n - top + 1; i < n; i++) ex += sorted[i] - u;
            beta = Math.max(ex / Math.max(1, top - 1), k("betamin", 0.5));
            frac = (double) top / n;
        }
        /** -log10 of the probability that a block maximum reaches a */
        double score(double a) {
            if (n < k("minblocks", 8)) return 0;
            if (a <= u) {
                int pos = Arrays.binarySearch(sorted, a); if (pos < 0) pos = -pos - 1;
                double p = (double) (n - pos + 1) / (n + 1);
                return -Math.log10(p);
            }
            return -Math.log10(frac) + (a - u) / beta / Math.log(10);
        }
    }

    static final class MetricModel {
        final double floor;
        final double[] steps = new double[64]; int nSteps; long lastT = Long.MIN_VALUE; double step = Double.NaN;
        SortedWindow level, resid;
        SeasonBins daily, weekly;
        SortedWindow errLevel, errDaily, errWeekly;
        final int n1, n2; final double[] zr; int zi; long zn;
        Tail t1u, t1d, t2u, t2d;
        boolean frozen; int frozenRows; final double[] recent; int ri; long rn;
        long rows; double lastScore;
        MetricModel(double floor) {
            this.floor = floor;
            level = new SortedWindow((int) k("wl", 48));
            resid = new SortedWindow((int) k("ws", 288));
            errLevel = new SortedWindow((int) k("we", 288)); errDaily = new SortedWindow((int) k("we", 288)); errWeekly = new SortedWindow((int) k("we", 288));
            n1 = (int) k("n1", 1); n2 = (int) k("n2", 12);
            zr = new double[Math.max(n1, n2)];
            int b = (int) k("block", 12), nb = (int) k("blocks", 336);
            t1u = new Tail(b, nb); t1d = new Tail(b, nb); t2u = new Tail(b, nb); t2d = new Tail(b, nb);
            recent = new double[(int) k("adopt", 288)];
        }

        double zmean(int w) {
            int m = (int) Math.min(w, zn); double s = 0;
            for (int j = 1; j <= m; j++) s += zr[Math.floorMod(zi - j, zr.length)];
            return m == 0 ? 0 : s / m;
        }

        /** score of this row; freeze = this metric is part of an open incident */
        double next(long t, double x, boolean freeze) {
            rows++;
            if (lastT != Long.MIN_VALUE && t > lastT && nSteps < steps.length) { steps[nSteps++] = t - lastT; }
            lastT = t;
            if (Double.isNaN(x)) return 0;
            recent[ri] = x; ri = (ri + 1) % recent.length; rn++;
            if (daily == null && nSteps >= 16) {
                double[] s = Arrays.copyOf(steps, nSteps); Arrays.sort(s); step = s[nSteps / 2];
                int kd = (int) k("kd", 5), kw = (int) k("kw", 3);
                daily = new SeasonBins(86400, step, (int) k("dbins", 288), kd);
                weekly = new SeasonBins(604800, step, (int) k("wbins", 336), kw);
            }
            if (freeze) {
                if (++frozenRows >= recent.length) { adopt(); frozenRows = 0; }
            } else frozenRows = 0;
            double lv = level.q(0.5);
            double ed = daily == null ? Double.NaN : daily.expected(t, (int) k("mincyc", 2), (int) k("nb", 1));
            double ew = weekly == null ? Double.NaN : weekly.expected(t, (int) k("mincycw", 2), (int) k("nb", 1));
            double expected = lv; int which = 0;
            double el = errLevel.q(0.5), edd = errDaily.q(0.5), eww = errWeekly.q(0.5);
            if (k("season", 1) > 0) {
                double ratio = k("sratio", 0.8);
                if (!Double.isNaN(ed) && errDaily.size >= k("mine", 144) && edd < ratio * el) { expected = ed; which = 1; }
                if (!Double.isNaN(ew) && errWeekly.size >= k("mine", 144) && eww < ratio * Math.min(el, which == 1 ? edd : el)) { expected = ew; which = 2; }
            }
            double z = 0, spread = Double.NaN;
            if (!Double.isNaN(expected) && resid.size >= 8) {
                spread = (resid.q(0.75) - resid.q(0.25)) / 1.349;
                double rel = k("relfloor", 1e-3) * Math.max(Math.abs(lv), 1e-9);
                spread = Math.max(spread, Math.max(floor, rel));
                z = (x - expected) / spread;
            }
            z = Math.max(-k("cap", 50), Math.min(k("cap", 50), z));
            zr[zi] = z; zi = (zi + 1) % zr.length; zn++;
            double m1 = zmean(n1), m2 = zmean(n2);
            double sc = Math.max(Math.max(t1u.score(Math.max(m1, 0)), t1d.score(Math.max(-m1, 0))),
                    Math.max(t2u.score(Math.max(m2, 0)), t2d.score(Math.max(-m2, 0))));
            if (!freeze) {
                if (!Double.isNaN(lv)) errLevel.add(Math.abs(x - lv));
                if (!Double.isNaN(ed)) errDaily.add(Math.abs(x - ed));
                if (!Double.isNaN(ew)) errWeekly.add(Math.abs(x - ew));
                double clip = k("clip", 3);
                double c = x;
                if (!Double.isNaN(spread)) c = Math.max(expected - clip * spread, Math.min(expected + clip * spread, x));
                level.add(c);
                if (daily != null) { daily.add(t, c); weekly.add(t, c); }
                if (!Double.isNaN(expected)) resid.add(c - expected);
                t1u.add(Math.max(m1, 0)); t1d.add(Math.max(-m1, 0)); t2u.add(Math.max(m2, 0)); t2d.add(Math.max(-m2, 0));
            }
            lastScore = sc;
            return sc;
        }

        /** the open incident has lasted long enough: its level becomes the new normal */
        void adopt() {
            int n = (int) Math.min(rn, recent.length);
            int take = Math.min(n, level.ring.length);
            level = new SortedWindow(level.ring.length);
            for (int j = take; j >= 1; j--) level.add(recent[Math.floorMod(ri - j, recent.length)]);
            errLevel = new SortedWindow(errLevel.ring.length);
            errDaily = new SortedWindow(errLevel.ring.length);
            errWeekly = new SortedWindow(errLevel.ring.length);
        }
    }

    /** Sliding max or min over row indices. */
    static final class Extreme {
        final boolean max; final ArrayDeque<double[]> q = new ArrayDeque<>();
        Extreme(boolean max) { this.max = max; }
        void add(long i, double v) {
            if (Double.isNaN(v)) return;
            while (!q.isEmpty() && (max ? q.peekLast()[1] <= v : q.peekLast()[1] >= v)) q.pollLast();
            q.addLast(new double[] {i, v});
        }
        void evict(long oldest) { while (!q.isEmpty() && q.peekFirst()[0] < oldest) q.pollFirst(); }
        double get() { return q.isEmpty() ? Double.NaN : q.peekFirst()[1]; }
    }

    /** v3: novelty of residual features beyond their trailing range. */
    /** Features of one input series (raw values or residuals) and their novelty beyond their own trailing range. */
    static final class Stream {
        final int[] win; final double[] ring; long ringN; long row;
        final int H, E; final Extreme[] hi, lo; final double[][] delayed; final SortedWindow[] scaleWin;
        final double[] nov = new double[3]; final double[] f = new double[3]; long fed; double f3;
        final double[] curH = new double[3], curL = new double[3], curSc = new double[3];
        final Extreme lo3 = new Extreme(false); final SortedWindow scale3 = new SortedWindow((int) k("sw", 288));
        final double[] delayed3;
        final double[] fhi = {Double.NaN, Double.NaN, Double.NaN}, flo = {Double.NaN, Double.NaN, Double.NaN}; int learnRows; final List<double[]> learnF = new ArrayList<>(); double[] fixedScale;
        Stream(double step) {
            win = new int[] {(int) k("w1", 3), (int) k("w2", 24), (int) k("w3", 48)};
            ring = new double[Math.max(win[0], Math.max(win[1], win[2]))];
            H = k("Hdays", 0) > 0 ? (int) Math.max(k("Hmin", 288), Math.min(k("Hmax", 8064), k("Hdays", 0) * 86400 / step)) : (int) k("H", 1152);
            E = (int) k("E", 48);
            hi = new Extreme[3]; lo = new Extreme[3]; scaleWin = new SortedWindow[3];
            for (int j = 0; j < 3; j++) { hi[j] = new Extreme(true); lo[j] = new Extreme(false); scaleWin[j] = new SortedWindow((int) k("sw", 288)); }
            delayed = new double[E][];
            delayed3 = new double[E];
        }
        /** returns the largest novelty; r may be NaN (no input this row) */
        double next(double r, boolean freeze, double floor) {
            ring[(int) (row % ring.length)] = r;
            ringN++;
            if (!Double.isNaN(r)) fed++;
            f[0] = k("ext", 0) > 0 ? ext(win[0], true) : mean(win[0]); f[1] = mean(win[1]); f[2] = sd(win[2]);
            if (k("ext", 0) > 0) f3 = ext(win[0], false);
            if (row < learnRows) learnF.add(f.clone());
            if (row == learnRows && fixedScale == null && !learnF.isEmpty()) {
                fixedScale = new double[3];
                for (int j = 0; j < 3; j++) {
                    final int jj = j;
                    double[] v = learnF.stream().mapToDouble(a -> a[jj]).filter(d -> !Double.isNaN(d)).sorted().toArray();
                    if (v.length == 0) { fixedScale[j] = 1; continue; }
                    double iqr = v[(int) (0.75 * (v.length - 1))] - v[(int) (0.25 * (v.length - 1))];
                    double mean = Arrays.stream(v).average().orElse(0), sd = Math.sqrt(Arrays.stream(v).map(d -> (d - mean) * (d - mean)).average().orElse(0));
                    fixedScale[j] = Math.max(Math.max(iqr, sd / 2), Math.max((v[v.length - 1] - v[0]) / 20, Math.max(floor, 1e-9)));
                }
            }
            if (row >= E) {
                double[] ent = delayed[(int) (row % E)];
                if (ent != null) for (int j = 0; j < 3; j++) { hi[j].add(row - E, ent[j]); lo[j].add(row - E, ent[j]); }
                if (ent != null) lo3.add(row - E, delayed3[(int) (row % E)]);
            }
            double best = 0;
            for (int j = 0; j < 3; j++) {
                hi[j].evict(row - H); lo[j].evict(row - H);
                double h = hi[j].get(), l = lo[j].get();
                curH[j] = h; curL[j] = l; curSc[j] = k("oldscale", 0) > 0 ? oldScale(scaleWin[j], floor) : Double.NaN;
                if (k("fitted", 0) > 0 && !Double.isNaN(fhi[j])) { h = Double.isNaN(h) ? fhi[j] : Math.max(h, fhi[j]); l = Double.isNaN(l) ? flo[j] : Math.min(l, flo[j]); }
                if (row < learnRows && !Double.isNaN(f[j])) { fhi[j] = Double.isNaN(fhi[j]) ? f[j] : Math.max(fhi[j], f[j]); flo[j] = Double.isNaN(flo[j]) ? f[j] : Math.min(flo[j], f[j]); }
                double sc = (scaleWin[j].q(0.75) - scaleWin[j].q(0.25));
                sc = Math.max(sc, k("sdfrac", 0.5) * Math.max(0, scaleWin[j].q(0.95) - scaleWin[j].q(0.05)) / 3.29);
                sc = Math.max(sc, Math.max(floor, 1e-9));
                if (k("fixedscale", 0) > 0 && fixedScale != null) sc = fixedScale[j];
                if (k("oldscale", 0) > 0 && scaleWin[j].size >= 8) {
                    SortedWindow w = scaleWin[j];
                    double m = 0, ss = 0; for (int i = 0; i < w.size; i++) m += w.sorted[i]; m /= w.size;
                    for (int i = 0; i < w.size; i++) ss += (w.sorted[i] - m) * (w.sorted[i] - m);
                    double sd = Math.sqrt(ss / w.size);
                    sc = Math.max(Math.max(w.q(0.75) - w.q(0.25), sd / 2), Math.max((w.q(1) - w.q(0)) * k("rf", 0.05), Math.max(floor, 1e-9)));
                }
                double nv = 0;
                if (k("tail", 0) > 0) {
                    double[] b = tailScales(scaleWin[j], k("rho", 0.05));
                    double up = Math.max(b[0], Math.max(floor, 1e-9)), dn = Math.max(b[1], Math.max(floor, 1e-9));
                    if (!Double.isNaN(f[j]) && !Double.isNaN(h) && fed >= k("minrows", 100)) nv = Math.max(0, Math.max((f[j] - h) / up, (l - f[j]) / dn));
                } else
                if (!Double.isNaN(f[j]) && !Double.isNaN(h) && fed >= k("minrows", 100)) nv = Math.max(0, Math.max(f[j] - h, l - f[j]) / sc);
                nov[j] = nv;
                best = Math.max(best, nv);
                if (!freeze && row % 4 == 0 && !Double.isNaN(f[j])) scaleWin[j].add(f[j]);
            }
            if (k("ext", 0) > 0) {
                lo3.evict(row - H);
                double l3 = lo3.get();
                double sc3 = oldScale(scale3, floor);
                if (!Double.isNaN(f3) && !Double.isNaN(l3) && fed >= k("minrows", 100)) {
                    double dn = Math.max(0, (l3 - f3) / sc3);
                    if (dn > best) best = dn;
                }
                // max3: only upward novelty
                double h0 = hi[0].get(); double sc0 = oldScale(scaleWin[0], floor);
                nov[0] = !Double.isNaN(f[0]) && !Double.isNaN(h0) && fed >= k("minrows", 100) ? Math.max(0, (f[0] - h0) / sc0) : 0;
                if (k("sddown", 1) == 0 && !Double.isNaN(f[2]) && !Double.isNaN(hi[2].get())) nov[2] = Math.max(0, (f[2] - hi[2].get()) / oldScale(scaleWin[2], floor)) * (fed >= k("minrows", 100) ? 1 : 0);
                double d3 = !Double.isNaN(f3) && !Double.isNaN(l3) && fed >= k("minrows", 100) ? Math.max(0, (l3 - f3) / sc3) : 0;
                best = Math.max(Math.max(nov[0], nov[1]), Math.max(nov[2], d3));
                if (k("comb", 0) == 1) best = nov[0] + nov[1] + nov[2] + d3;
                if (k("comb", 0) == 2) best = Math.sqrt(nov[0] * nov[0] + nov[1] * nov[1] + nov[2] * nov[2] + d3 * d3);
                if (!freeze && row % 4 == 0 && !Double.isNaN(f3)) scale3.add(f3);
                delayed3[(int) (row % E)] = f3;
            }
            double[] ent = (freeze && k("keepout", 1) > 0) || Double.isNaN(r) ? null : f.clone();
            if (ent != null && freeze && k("clipk", 0) > 0) {
                for (int j = 0; j < 3; j++) {
                    if (Double.isNaN(curH[j]) || Double.isNaN(curSc[j])) continue;
                    ent[j] = Math.max(curL[j] - k("clipk", 0) * curSc[j], Math.min(curH[j] + k("clipk", 0) * curSc[j], ent[j]));
                }
            }
            delayed[(int) (row % E)] = ent;
            row++;
            return best;
        }
        /** mean excess over the upper (1-rho) quantile, and below the lower rho quantile */
        static double[] tailScales(SortedWindow w, double rho) {
            if (w.size < 8) return new double[] {0, 0};
            int k = Math.max(2, (int) Math.round(rho * w.size));
            double uHi = w.sorted[w.size - k], uLo = w.sorted[k - 1];
            double sh = 0, sl = 0;
            for (int i = w.size - k + 1; i < w.size; i++) sh += w.sorted[i] - uHi;
            for (int i = 0; i < k - 1; i++) sl += uLo - w.sorted[i];
            return new double[] {sh / (k - 1), sl / (k - 1)};
        }
        static double oldScale(SortedWindow w, double floor) {
            if (w.size < 8) return Math.max(floor, 1e-9);
            double m = 0, ss = 0; for (int i = 0; i < w.size; i++) m += w.sorted[i]; m /= w.size;
            for (int i = 0; i < w.size; i++) ss += (w.sorted[i] - m) * (w.sorted[i] - m);
            double sd = Math.sqrt(ss / w.size);
            return Math.max(Math.max(w.q(0.75) - w.q(0.25), sd / 2), Math.max((w.q(1) - w.q(0)) * k("rf", 0.05), Math.max(floor, 1e-9)));
        }
        double ext(int w, boolean max) {
            int n = (int) Math.min(w, ringN); double e = Double.NaN;
            for (int j = 0; j < n; j++) { double v = ring[(int) Math.floorMod(row - j, (long) ring.length)]; if (!Double.isNaN(v)) e = Double.isNaN(e) ? v : max ? Math.max(e, v) : Math.min(e, v); }
            return e;
        }
        double mean(int w) {
            int n = (int) Math.min(w, ringN); double s = 0; int c = 0;
            for (int j = 0; j < n; j++) { double v = ring[(int) Math.floorMod(row - j, (long) ring.length)]; if (!Double.isNaN(v)) { s += v; c++; } }
            return c == 0 ? Double.NaN : s / c;
        }
        double sd(int w) {
            int n = (int) Math.min(w, ringN); double s = 0, ss = 0; int c = 0;
            for (int j = 0; j < n; j++) { double v = ring[(int) Math.floorMod(row - j, (long) ring.length)]; if (!Double.isNaN(v)) { s += v; ss += v * v; c++; } }
            if (c < 2) return c == 0 ? Double.NaN : 0;
            double m = s / c; return Math.sqrt(Math.max(0, (ss - c * m * m) / (c - 1)));
        }
    }

    static final class NovModel {
        final double floor;
        final double[] steps = new double[64]; int nSteps; long lastT = Long.MIN_VALUE; double step = Double.NaN;
        SeasonBins daily, weekly;
        Stream rawS, dayS, weekS;
        double lastScore; double[] lastNov = new double[3];
        double lastExpected = Double.NaN, lastLo = Double.NaN, lastHi = Double.NaN;
        int season; double rawSpan; boolean dailyOn, weeklyOn; final int[] seasonRows = new int[3]; SortedWindow rawWin = new SortedWindow((int) k("rw", 288));
        long row;
        int learnRows;
        SortedWindow errL = new SortedWindow((int) k("we", 576)), errD = new SortedWindow((int) k("we", 576)), errW = new SortedWindow((int) k("we", 576));
        SortedWindow lvlWin = new SortedWindow(288);
        NovModel(double floor) { this.floor = floor; }
        int novelCount(double level) { int c = 0; for (double v : lastNov) if (v >= level) c++; return c; }
        double next(long t, double x, boolean freeze) {
            if (lastT != Long.MIN_VALUE && t > lastT && nSteps < steps.length) { steps[nSteps++] = t - lastT; }
            lastT = t;
            if (daily == null && nSteps >= 16) {
                double[] s = Arrays.copyOf(steps, nSteps); Arrays.sort(s); step = s[nSteps / 2];
                daily = new SeasonBins(86400, step, (int) k("dbins", 288), (int) k("kd", 5));
                weekly = new SeasonBins(604800, step, (int) k("wbins", 336), (int) k("kw", 3));
                rawS = new Stream(step); dayS = new Stream(step); weekS = new Stream(step);
                rawS.learnRows = learnRows; dayS.learnRows = learnRows; weekS.learnRows = learnRows;
                lvlWin = new SortedWindow((int) Math.max(12, Math.min(288, Math.round(86400 / step))));
            }
            if (daily == null) { row++; return 0; }
            double ed = Double.NaN, ew = Double.NaN;
            if (!Double.isNaN(x) && daily != null) {
                ed = daily.expected(t, (int) k("mincyc", 2), (int) k("nb", 1));
                ew = weekly.expected(t, (int) k("mincycw", 2), (int) k("nb", 1));
                double on = k("acfon", 0.7), off = k("acfoff", 0.5);
                if (!Double.isNaN(daily.acf)) dailyOn = dailyOn ? daily.acf >= off : daily.acf >= on;
                if (!Double.isNaN(weekly.acf)) weeklyOn = weeklyOn ? weekly.acf >= off : weekly.acf >= on;
            }
            season = 0;
            double gr = k("gratio", 0);
            boolean dOk = gr <= 0 || errD.size < 48 || errD.q(0.5) < gr * errL.q(0.5);
            boolean wOk = gr <= 0 || errW.size < 48 || errW.q(0.5) < gr * errL.q(0.5);
            if (weeklyOn && wOk && !Double.isNaN(ew) && (!dailyOn || !dOk || weekly.acf > daily.acf + k("wmargin", 0.0))) season = 2;
            else if (dailyOn && dOk && !Double.isNaN(ed)) season = 1;
            if (!Double.isNaN(x) && !freeze) {
                double lvl = lvlWin.q(0.5);
                if (!Double.isNaN(lvl)) errL.add(Math.abs(x - lvl));
                if (!Double.isNaN(ed)) errD.add(Math.abs(x - ed));
                if (!Double.isNaN(ew)) errW.add(Math.abs(x - ew));
                lvlWin.add(x);
            }
            if (k("season", 1) == 0) season = 0;
            seasonRows[season]++;
            if (!Double.isNaN(x) && !freeze) {
                if (row % 4 == 0) rawWin.add(x);
                rawSpan = rawWin.q(0.99) - rawWin.q(0.01);
                if (daily != null) { daily.add(t, x); weekly.add(t, x); }
            }
            double fl = Math.max(floor, k("rangefrac", 0.05) * rawSpan);
            double n0 = rawS.next(x, freeze, fl);
            double n1 = dayS.next(x - ed, freeze, fl);
            double n2 = weekS.next(x - ew, freeze, fl);
            Stream act = season == 2 ? weekS : season == 1 ? dayS : rawS;
            lastExpected = season == 2 ? ew : season == 1 ? ed : Double.NaN;
            lastNov = act.nov.clone();
            row++;
            lastScore = season == 2 ? n2 : season == 1 ? n1 : n0;
            return lastScore;
        }
    }

    /** Upper tail of the standard normal. */
    static double tail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    static double erfc(double x) {
        // Numerical Recipes erfc (Chebyshev), relative error < 1.2e-7
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
