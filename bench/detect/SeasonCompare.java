import com.github.servicenow.ds.stats.stl.SeasonalTrendLoess;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.ExpectedBand;
import io.smartcloudops.agent.detect.Season;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.api.Metric;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The detector's seasonal expectation (phase bins of the timestamp, median of the last K cycles) against STL
 * (stl-decomp-4j, the Java port of the netlib Seasonal-Trend-Loess) used online: once per cycle the last four cycles
 * are decomposed (robust STL, periodic seasonal), and each new row is expected at the seasonal value of its phase
 * plus the last trend value. On every NAB series with a daily or weekly season the detector finds, both are compared
 * on the rows where both give an expectation: median absolute one-step error (in units of the series' own
 * interquartile range), time spent and values held.
 *
 * <pre>
 * ./mvnw -B -q dependency:get -Dartifact=com.github.servicenow.stl4j:stl-decomp-4j:1.0.5
 * java -cp agent/target/smartcloudops-agent.jar:$HOME/.m2/repository/com/github/servicenow/stl4j/stl-decomp-4j/1.0.5/stl-decomp-4j-1.0.5.jar \
 *     bench/detect/SeasonCompare.java
 * </pre>
 *
 * STL needs evenly spaced rows without gaps: the series are taken row by row as if they were (the irregular ones make
 * it look worse than it would be on clean data, which is the point for host data with gaps).
 */
public class SeasonCompare {

    public static void main(String[] args) throws Exception {
        BenchmarkSuite suite = BenchmarkSuite.read(Path.of("ml_models/datasets")).only(s -> !s.dataSet().equals("faults"));
        DetectorSettings settings = DetectorSettings.defaults();
        System.out.println("series\tseason\trows compared\tmedian |error| / IQR: ours\tSTL\tms per STL fit\tvalues held: ours / STL");
        double sumOurs = 0;
        double sumStl = 0;
        int n = 0;
        long stlNanos = 0;
        int stlFits = 0;
        for (var s : suite.series()) {
            var t = s.table();
            Metric metric = t.metrics().iterator().next();
            double[] x = t.columns().get(metric);
            SeriesDetector d = new SeriesDetector(settings, List.of(metric), false, 0);
            double[] ours = new double[t.rows()];
            Season season = Season.NONE;
            for (int i = 0; i < t.rows(); i++) {
                // the expectation for row i is read before row i is fed: one step ahead, like STL's below
                ours[i] = Double.NaN;
                if (i > 0) {
                    var b = d.band(0, Instant.EPOCH);
                    if (b.isPresent() && b.get().basis() != Season.NONE) {
                        season = b.get().basis();
                    }
                }
                d.next(t.timestamps().get(i).toEpochMilli(), new double[] {x[i]});
                ExpectedBand b = d.band(0, Instant.EPOCH).orElse(null);
                ours[i] = b != null && b.basis() != Season.NONE ? b.expected() : Double.NaN;
            }
            if (season == Season.NONE) {
                continue;
            }
            double step = d.stepMillis();
            int period = (int) Math.round((season == Season.WEEKLY ? 604_800_000.0 : 86_400_000.0) / step);
            double[] stl = new double[t.rows()];
            Arrays.fill(stl, Double.NaN);
            int window = 4 * period;
            for (int start = window; start < t.rows(); start += period) {
                double[] hist = Arrays.copyOfRange(x, start - window, start);
                for (int k = 0; k < hist.length; k++) {
                    if (Double.isNaN(hist[k])) {
                        hist[k] = k > 0 ? hist[k - 1] : 0;
                    }
                }
                long a = System.nanoTime();
                SeasonalTrendLoess.Decomposition dec = new SeasonalTrendLoess.Builder().setPeriodLength(period).setSeasonalWidth(7)
                        .setRobust().buildSmoother(hist).decompose();
                stlNanos += System.nanoTime() - a;
                stlFits++;
                double[] seasonal = dec.getSeasonal();
                double[] trend = dec.getTrend();
                for (int i = start; i < Math.min(start + period, t.rows()); i++) {
                    stl[i] = seasonal[hist.length - period + (i - start)] + trend[hist.length - 1];
                }
            }
            double[] sorted = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double iqr = Math.max(1e-9, sorted[(int) (0.75 * (sorted.length - 1))] - sorted[(int) (0.25 * (sorted.length - 1))]);
            List<Double> eo = new ArrayList<>();
            List<Double> es = new ArrayList<>();
            // ours[i] is the expectation at row i (computed before row i entered any profile: profiles learn from rows
            // 48 rows old), stl[i] from cycles before row i
            for (int i = 0; i < t.rows(); i++) {
                if (!Double.isNaN(ours[i]) && !Double.isNaN(stl[i]) && !Double.isNaN(x[i])) {
                    eo.add(Math.abs(x[i] - ours[i]) / iqr);
                    es.add(Math.abs(x[i] - stl[i]) / iqr);
                }
            }
            if (eo.isEmpty()) {
                continue;
            }
            double mo = median(eo);
            double ms = median(es);
            sumOurs += mo;
            sumStl += ms;
            n++;
            int held = season == Season.WEEKLY ? 336 * 3 : 288 * 5;
            System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%.3f\t%.3f\t%.2f\t%d / %d%n", s.key(), season.key(), eo.size(), mo, ms,
                    stlNanos / 1e6 / Math.max(1, stlFits), Math.min(held, period * (season == Season.WEEKLY ? 3 : 5)), window);
        }
        System.out.printf(Locale.ROOT, "mean over %d series: ours %.3f, STL %.3f (median |one-step error| / IQR); %d STL fits, %.2f ms each%n",
                n, sumOurs / n, sumStl / n, stlFits, stlNanos / 1e6 / Math.max(1, stlFits));
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }
}
