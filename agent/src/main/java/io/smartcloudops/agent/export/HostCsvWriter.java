package io.smartcloudops.agent.export;

import io.smartcloudops.api.Metric;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes one host's samples as the host CSV of DESIGN.md ({@code timestamp,cpu,mem,...}, ISO-8601 UTC,
 * empty cell for a metric without a value). Written to a temporary file and moved into place, so a
 * reader never sees half a file.
 */
public final class HostCsvWriter {

    private HostCsvWriter() {
    }

    public static void write(Path file, SortedMap<Instant, Map<Metric, Double>> rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("timestamp");
            for (Metric m : Metric.values()) {
                header.append(',').append(m.key());
            }
            w.write(header.toString());
            w.write('\n');
            for (Map.Entry<Instant, Map<Metric, Double>> row : rows.entrySet()) {
                StringBuilder line = new StringBuilder(row.getKey().toString());
                for (Metric m : Metric.values()) {
                    line.append(',');
                    Double v = row.getValue().get(m);
                    if (v != null && Double.isFinite(v)) {
                        line.append(format(v));
                    }
                }
                w.write(line.toString());
                w.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // six significant digits: more than any node_exporter reading carries after rate()
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A file name for a host: characters other than letters, digits, dot, dash and underscore become '_'. */
    public static String fileName(String host) {
        String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe + ".csv";
    }
}
