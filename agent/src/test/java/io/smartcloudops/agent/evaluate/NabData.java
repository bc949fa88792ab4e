package io.smartcloudops.agent.evaluate;

import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The NAB development set committed under ml_models/datasets/nab (tests run with the agent module as working directory). */
public final class NabData {

    public static final Path DIR = locate();

    private static Map<String, SeriesTable> tables;
    private static LabelWindows labels;

    private NabData() {
    }

    private static Path locate() {
        for (Path p : new Path[] {Path.of("../ml_models/datasets/nab"), Path.of("ml_models/datasets/nab")}) {
            if (Files.isRegularFile(p.resolve("labels.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("ml_models/datasets/nab not found from " + Path.of("").toAbsolutePath());
    }

    public static synchronized LabelWindows labels() {
        if (labels == null) {
            try {
                labels = LabelWindows.read(DIR.resolve("labels.json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return labels;
    }

    /** Every labelled series by label key, in label order. */
    public static synchronized Map<String, SeriesTable> tables() {
        if (tables == null) {
            Map<String, SeriesTable> t = new LinkedHashMap<>();
            for (String key : labels().byKey().keySet()) {
                try {
                    t.put(key, SeriesCsvReader.read(DIR.resolve("data").resolve(key), Optional.empty()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            tables = t;
        }
        return tables;
    }
}
