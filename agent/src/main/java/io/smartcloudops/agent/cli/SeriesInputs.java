package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The CSV arguments of train, evaluate and detect: files, or directories searched for {@code *.csv}. */
final class SeriesInputs {

    /** A CSV as named on the command line (or found in a named directory) and its content. */
    record Input(String name, SeriesTable table) {
    }

    private SeriesInputs() {
    }

    static List<Input> read(String option, List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    List<Path> csvs = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".csv"))
                            .sorted().toList();
                    if (csvs.isEmpty()) {
                        throw new UsageException(option + ": no .csv files in " + p);
                    }
                    files.addAll(csvs);
                } catch (IOException e) {
                    throw new UsageException(option + ": cannot list " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new UsageException(option + ": file not found: " + p);
            }
        }
        return files.parallelStream().map(f -> {
            try {
                return new Input(f.toString().replace('\\', '/'), SeriesCsvReader.read(f, Optional.empty()));
            } catch (IOException e) {
                throw new UsageException(option + ": " + e.getMessage());
            }
        }).toList();
    }
}
