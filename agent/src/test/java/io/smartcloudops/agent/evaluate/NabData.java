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

/**
 * The NAB sets committed under ml_models/datasets (tests run with the agent module as working directory):
 * the development set ({@link #DEV}, also through the static shortcuts) and the wide set ({@link #WIDE}).
 */
public final class NabData {

    public static final NabData DEV = new NabData("nab");
    public static final NabData WIDE = new NabData("nab-wide");

    /** The development set's directory. */
    public static final Path DIR = DEV.dir;

    private final Path dir;
    private Map<String, SeriesTable> tables;
    private LabelWindows labels;

    private NabData(String name) {
        this.dir = locate(name);
    }

    private static Path locate(String name) {
        for (Path p : new Path[] {Path.of("../ml_models/datasets/" + name), Path.of("ml_models/datasets/" + name)}) {
            if (Files.isRegularFile(p.resolve("labels.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("ml_models/datasets/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    public Path dir() {
        return dir;
    }

    public synchronized LabelWindows windows() {
        if (labels == null) {
            try {
                labels = LabelWindows.read(dir.resolve("labels.json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return labels;
    }

    /** Every labelled series by label key, in label order. */
    public synchronized Map<String, SeriesTable> series() {
        if (tables == null) {
            Map<String, SeriesTable> t = new LinkedHashMap<>();
            for (String key : windows().byKey().keySet()) {
                try {
                    t.put(key, SeriesCsvReader.read(dir.resolve("data").resolve(key), Optional.empty()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            tables = t;
        }
        return tables;
    }

    /** The development set's labels. */
    public static LabelWindows labels() {
        return DEV.windows();
    }

    /** The development set's series by label key, in label order. */
    public static Map<String, SeriesTable> tables() {
        return DEV.series();
    }
}
