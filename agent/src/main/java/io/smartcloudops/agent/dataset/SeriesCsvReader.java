package io.smartcloudops.agent.dataset;

import io.smartcloudops.agent.time.TimeText;
import io.smartcloudops.api.Metric;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the two CSV shapes of DESIGN.md, told apart by the header: one metric ({@code timestamp,value},
 * NAB's format) or one host ({@code timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1}, any subset,
 * extra columns ignored). Errors name the file, line and column.
 */
public final class SeriesCsvReader {

    private SeriesCsvReader() {
    }

    /**
     * @param singleMetric metric to file a {@code timestamp,value} column under; when empty it is
     *                     guessed from the file name ({@link #guessMetric(Path)})
     */
    public static SeriesTable read(Path file, Optional<Metric> singleMetric) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new CsvFormatException(file + ": empty file (expected a header timestamp,value or timestamp,cpu,mem,...)");
            }
            String[] names = split(stripBom(header));
            int tsColumn = -1;
            Map<Integer, Metric> columns = new LinkedHashMap<>();
            boolean single = false;
            for (int i = 0; i < names.length; i++) {
                String n = names[i].trim().toLowerCase(Locale.ROOT);
                if (n.equals("timestamp")) {
                    tsColumn = i;
                } else if (n.equals("value")) {
                    columns.put(i, singleMetric.orElseGet(() -> guessMetric(file)));
                    single = true;
                } else {
                    int col = i;
                    Metric.fromKey(n).ifPresent(m -> columns.put(col, m));
                }
            }
            if (tsColumn < 0) {
                throw new CsvFormatException(file + ": header has no 'timestamp' column: " + header);
            }
            if (columns.isEmpty()) {
                throw new CsvFormatException(file + ": header names no known column (value, cpu, mem, disk, disk_io, net_in, net_out, load1): " + header);
            }
            if (single && columns.size() > 1) {
                throw new CsvFormatException(file + ": a 'value' column cannot be mixed with metric columns");
            }
            List<Instant> times = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            Map<Metric, List<Double>> values = new EnumMap<>(Metric.class);
            columns.values().forEach(m -> values.put(m, new ArrayList<>()));
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                if (cells.length <= tsColumn) {
                    throw new CsvFormatException(file + ":" + lineNo + ": missing timestamp");
                }
                String ts = cells[tsColumn].trim();
                try {
                    times.add(TimeText.parseAbsolute(ts));
                } catch (IllegalArgumentException e) {
                    throw new CsvFormatException(file + ":" + lineNo + ": bad timestamp '" + ts + "'");
                }
                raw.add(ts);
                for (Map.Entry<Integer, Metric> c : columns.entrySet()) {
                    String cell = c.getKey() < cells.length ? cells[c.getKey()].trim() : "";
                    double v;
                    if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
                        v = Double.NaN;
                    } else {
                        try {
                            v = Double.parseDouble(cell);
                        } catch (NumberFormatException e) {
                            throw new CsvFormatException(file + ":" + lineNo + ": column '" + names[c.getKey()].trim()
                                    + "' is not a number: '" + cell + "'");
                        }
                    }
                    values.get(c.getValue()).add(v);
                }
            }
            Map<Metric, double[]> arrays = new EnumMap<>(Metric.class);
            values.forEach((m, list) -> arrays.put(m, list.stream().mapToDouble(Double::doubleValue).toArray()));
            return new SeriesTable(file, times, raw, arrays, single);
        }
    }

    /** NAB file names say what the value is: {@code ec2_cpu_utilization_*} is CPU, and so on. */
    public static Metric guessMetric(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.contains("network_in") || n.contains("net_in")) {
            return Metric.NET_IN;
        }
        if (n.contains("network_out") || n.contains("net_out")) {
            return Metric.NET_OUT;
        }
        if (n.contains("disk_write") || n.contains("disk_read") || n.contains("disk_io")) {
            return Metric.DISK_IO;
        }
        if (n.contains("mem")) {
            return Metric.MEM;
        }
        return Metric.CPU;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }
}
