package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.cli.AgentMain;
import io.smartcloudops.api.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: the verdict on row i depends on rows 0..i only, so appending future rows never changes an
 * earlier decision. Random series of several shapes (noise, spikes, level shifts, drifts, gaps, several
 * metrics), random cut points.
 */
class CausalityTest {

    /** Anomalies raised before the cut points, over all seeds: the property must not hold vacuously. */
    private static final AtomicInteger RAISED = new AtomicInteger();

    @TempDir
    Path dir;

    @AfterAll
    static void someVerdictsWereAnomalies() {
        assertThat(RAISED.get()).isGreaterThan(5);
    }

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(25);
    }

    /** A random series: rows x metrics, with anomalies of random kinds at random places and some gaps. */
    static double[][] series(Random r, int rows, int metrics) {
        double[][] x = new double[rows][metrics];
        for (int m = 0; m < metrics; m++) {
            double level = r.nextDouble() * 100;
            double noise = 0.1 + r.nextDouble() * 5;
            for (int i = 0; i < rows; i++) {
                x[i][m] = level + r.nextGaussian() * noise;
            }
            for (int k = 0; k < 4; k++) {
                int at = r.nextInt(rows);
                int len = 1 + r.nextInt(60);
                double size = (r.nextBoolean() ? 1 : -1) * noise * (3 + r.nextDouble() * 30);
                int kind = r.nextInt(3);
                for (int i = at; i < Math.min(rows, at + len); i++) {
                    x[i][m] += switch (kind) {
                        case 0 -> size;                                // spike / plateau
                        case 1 -> size * (i - at) / (double) len;      // drift
                        default -> r.nextGaussian() * Math.abs(size);  // variance burst
                    };
                }
            }
            for (int k = 0; k < 5; k++) {
                x[r.nextInt(rows)][m] = Double.NaN;
            }
        }
        return x;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void appendingRowsNeverChangesEarlierVerdicts(long seed) {
        Random r = new Random(seed);
        int metrics = 1 + r.nextInt(3);
        int rows = 400 + r.nextInt(800);
        int learning = 50 + r.nextInt(150);
        int cut = learning + r.nextInt(rows - learning);
        double[][] x = series(r, rows, metrics);
        DetectorSettings s = DetectorSettings.defaults();
        List<Metric> ms = List.of(Metric.values()).subList(0, metrics);

        List<RowResult> full = run(new SeriesDetector(s, ms, true, learning), x, rows);
        List<RowResult> prefix = run(new SeriesDetector(s, ms, true, learning), x, cut);
        assertThat(full.subList(0, cut)).isEqualTo(prefix);
        assertThat(full.get(rows - 1).scoring()).isTrue();
        RAISED.addAndGet((int) full.subList(0, cut).stream().filter(RowResult::raised).count());
    }

    private static List<RowResult> run(SeriesDetector d, double[][] x, int rows) {
        List<RowResult> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(d.next(1_767_225_600_000L + 5_000L * i, x[i]));
        }
        return out;
    }

    @Test
    void theDetectCommandFlagsTheSameRowsOfAPrefixAsOfTheWholeFile() throws Exception {
        // beyond 5000 rows P is 750 for both files, so the protocol is identical and only the future differs
        Random r = new Random(99);
        double[][] x = series(r, 9000, 1);
        StringBuilder whole = new StringBuilder("timestamp,value\n");
        StringBuilder prefix = new StringBuilder("timestamp,value\n");
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < x.length; i++) {
            String line = t0.plusSeconds(300L * i) + "," + (Double.isNaN(x[i][0]) ? "" : x[i][0]) + "\n";
            whole.append(line);
            if (i < 6000) {
                prefix.append(line);
            }
        }
        Files.createDirectories(dir.resolve("whole"));
        Files.createDirectories(dir.resolve("prefix"));
        Files.writeString(dir.resolve("whole/cpu_series.csv"), whole);
        Files.writeString(dir.resolve("prefix/cpu_series.csv"), prefix);
        assertThat(AgentMain.run("detect", "--input", dir.resolve("whole/cpu_series.csv").toString(), "--output",
                dir.resolve("whole.csv").toString())).isZero();
        assertThat(AgentMain.run("detect", "--input", dir.resolve("prefix/cpu_series.csv").toString(), "--output",
                dir.resolve("prefix.csv").toString())).isZero();
        List<String> w = rows(dir.resolve("whole.csv")).stream().filter(l -> Integer.parseInt(l.substring(l.lastIndexOf(',') + 1)) < 6000).toList();
        List<String> p = rows(dir.resolve("prefix.csv"));
        assertThat(w).isNotEmpty().isEqualTo(p);
    }

    private static List<String> rows(Path alarms) throws Exception {
        // drop the file column, which names different directories
        return Files.readAllLines(alarms).stream().skip(1).map(l -> l.substring(l.indexOf(',') + 1)).toList();
    }
}
