package io.smartcloudops.agent.dataset;

import io.smartcloudops.api.Metric;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV of samples in file order (rows are indexed by position: timestamps may repeat or step back).
 *
 * @param file          where it was read from
 * @param timestamps    one per row, UTC
 * @param rawTimestamps the timestamp text as written (for output that must match the input)
 * @param columns       one array per metric present, NaN for an empty cell
 * @param singleMetric  true for NAB's {@code timestamp,value} shape
 */
public record SeriesTable(Path file, List<Instant> timestamps, List<String> rawTimestamps,
                          Map<Metric, double[]> columns, boolean singleMetric) {

    public SeriesTable {
        timestamps = List.copyOf(timestamps);
        rawTimestamps = List.copyOf(rawTimestamps);
        columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    }

    public int rows() {
        return timestamps.size();
    }

    public Set<Metric> metrics() {
        return columns.keySet();
    }

    /** Host name from the file name: {@code web-1.csv} → {@code web-1}. */
    public String hostName() {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
