package io.smartcloudops.agent.evaluate;

import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every labelled data set a detector setting is judged on, in one list, each series with its category:
 * the NAB development set ({@code dev/<folder>}), the NAB wide set ({@code wide/<folder>}) and each fault
 * recording ({@code faults/<run>}). A category is the unit settings are chosen and reported by, so that no
 * kind of data can be given up silently for a better total.
 *
 * @param series every labelled series, in data set then label order
 */
public record BenchmarkSuite(List<LabelledSeries> series) {

    /** The data sets under {@code ml_models/datasets}: directory name, report prefix. */
    public static final List<String[]> DATA_SETS = List.of(new String[] {"nab", "dev"}, new String[] {"nab-wide", "wide"},
            new String[] {"faults", "faults"});

    /**
     * One labelled series.
     *
     * @param dataSet  {@code dev}, {@code wide} or {@code faults}
     * @param category {@code <dataSet>/<first folder of the key>}, e.g. {@code wide/realTweets}, {@code faults/run-3}
     * @param key      the label key (path inside the data set)
     */
    public record LabelledSeries(String dataSet, String category, String key, SeriesTable table,
                                 List<LabelWindows.Window> windows) {
        public LabelledSeries {
            windows = List.copyOf(windows);
        }
    }

    public BenchmarkSuite {
        series = List.copyOf(series);
    }

    /** Reads {@code root/nab}, {@code root/nab-wide} and {@code root/faults} (each with its labels.json). */
    public static BenchmarkSuite read(Path root) throws IOException {
        List<LabelledSeries> out = new ArrayList<>();
        for (String[] ds : DATA_SETS) {
            Path dir = root.resolve(ds[0]);
            if (!Files.isRegularFile(dir.resolve("labels.json"))) {
                throw new IOException(dir + ": no labels.json (expected the data sets nab, nab-wide and faults under " + root + ")");
            }
            out.addAll(readDataSet(dir, ds[1]));
        }
        return new BenchmarkSuite(out);
    }

    /** One data set: a labels.json with its series under {@code data/<key>} or {@code <key>}. */
    public static List<LabelledSeries> readDataSet(Path dir, String name) throws IOException {
        LabelWindows labels = LabelWindows.read(dir.resolve("labels.json"));
        List<String> keys = List.copyOf(labels.byKey().keySet());
        try {
            return keys.parallelStream().map(key -> {
                Path file = dir.resolve("data").resolve(key);
                if (!Files.isRegularFile(file)) {
                    file = dir.resolve(key);
                }
                try {
                    SeriesTable t = SeriesCsvReader.read(file, Optional.empty());
                    int slash = key.indexOf('/');
                    String folder = slash < 0 ? key : key.substring(0, slash);
                    return new LabelledSeries(name, name + "/" + folder, key, t, labels.windows(key));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Categories in suite order. */
    public List<String> categories() {
        return series.stream().map(LabelledSeries::category).distinct().toList();
    }

    public BenchmarkSuite only(java.util.function.Predicate<LabelledSeries> keep) {
        return new BenchmarkSuite(series.stream().filter(keep).toList());
    }
}
