package io.smartcloudops.agent.collect;

import io.smartcloudops.agent.config.SourceSpec;
import io.smartcloudops.agent.dataset.SeriesCsvReader;
import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.api.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Replays host CSVs (or NAB one-metric series) at N times their own pace. Row i of a file is emitted
 * {@code (t_i - t_0) / speed} after the replay starts, stamped with the wall-clock time of emission, so
 * charts and {@code since=10m} behave as with a live host. A timestamp that steps back (or repeats) is
 * emitted 1 ms after its predecessor: rows are replayed in file order, each as its own sample.
 */
public final class ReplaySource implements MetricSource {

    private final class Track {
        final String host;
        final SeriesTable table;
        final long[] offsetMillis;
        int next;
        Instant start;

        Track(String host, SeriesTable table) {
            this.host = host;
            this.table = table;
            this.offsetMillis = new long[table.rows()];
            long t0 = table.rows() == 0 ? 0 : table.timestamps().getFirst().toEpochMilli();
            long previous = 0;
            for (int i = 0; i < table.rows(); i++) {
                long own = Math.round((table.timestamps().get(i).toEpochMilli() - t0) / speed);
                // at least 1 ms apart: each row is its own sample even at very high speeds
                previous = i == 0 ? Math.max(0, own) : Math.max(previous + 1, own);
                offsetMillis[i] = previous;
            }
        }

        long stepMillis() {
            return table.rows() < 2 ? 1000 : Math.max(1, offsetMillis[table.rows() - 1] / (table.rows() - 1));
        }
    }

    private final SourceSpec.Replay spec;
    private final double speed;
    private final Clock clock;
    private final List<Track> tracks = new ArrayList<>();

    public ReplaySource(SourceSpec.Replay spec, Clock clock) throws SourceException {
        this.spec = spec;
        this.speed = spec.speed();
        this.clock = clock;
        List<Path> files = new ArrayList<>();
        for (Path p : spec.paths()) {
            files.addAll(csvFiles(p));
        }
        Optional<Metric> metric = Optional.ofNullable(spec.metric()).flatMap(Metric::fromKey);
        for (Path f : files) {
            try {
                SeriesTable table = SeriesCsvReader.read(f, metric);
                String host = files.size() == 1 && spec.host() != null ? spec.host() : table.hostName();
                tracks.add(new Track(host, table));
            } catch (IOException e) {
                throw new SourceException("replay: cannot read " + f + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<Path> csvFiles(Path p) throws SourceException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                List<Path> csvs = s.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
                if (csvs.isEmpty()) {
                    throw new SourceException("replay: no .csv files in " + p);
                }
                return csvs;
            } catch (IOException e) {
                throw new SourceException("replay: cannot list " + p + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(p)) {
            throw new SourceException("replay: file not found: " + p);
        }
        return List.of(p);
    }

    @Override
    public String spec() {
        return spec.text();
    }

    @Override
    public String kind() {
        return "replay";
    }

    /** Hosts in this replay, in file order. */
    public List<String> hosts() {
        return tracks.stream().map(t -> t.host).toList();
    }

    /** True once every file has been replayed (never with {@code loop=true}). */
    public synchronized boolean finished() {
        return tracks.stream().allMatch(t -> t.next >= t.table.rows());
    }

    @Override
    public synchronized List<HostSample> collect() {
        Instant now = clock.instant();
        List<HostSample> out = new ArrayList<>();
        for (Track t : tracks) {
            if (t.start == null) {
                t.start = now;
            }
            while (true) {
                if (t.next >= t.table.rows()) {
                    if (!spec.loop() || t.table.rows() == 0) {
                        break;
                    }
                    t.start = t.start.plusMillis(t.offsetMillis[t.table.rows() - 1] + t.stepMillis());
                    t.next = 0;
                }
                Instant due = t.start.plusMillis(t.offsetMillis[t.next]);
                if (due.isAfter(now)) {
                    break;
                }
                out.add(new HostSample(t.host, due, row(t.table, t.next)));
                t.next++;
            }
        }
        return out;
    }

    private static Map<Metric, Double> row(SeriesTable table, int i) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        table.columns().forEach((m, col) -> values.put(m, col[i]));
        return values;
    }

    /** How long the whole replay takes at this speed (the longest file). */
    public Duration length() {
        return Duration.ofMillis(tracks.stream().mapToLong(t -> t.table.rows() == 0 ? 0 : t.offsetMillis[t.table.rows() - 1])
                .max().orElse(0));
    }
}
