package io.smartcloudops.agent.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/** Host CSVs with seeded noise and, optionally, a CPU spike at known rows. */
public final class SpikeSeries {

    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private SpikeSeries() {
    }

    /**
     * @param rows      rows 5 s apart
     * @param spikeFrom first spike row (or -1 for none)
     * @param spikeRows rows of CPU at about 97 %
     */
    public static Path write(Path file, int rows, int spikeFrom, int spikeRows, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1\n");
        for (int i = 0; i < rows; i++) {
            boolean spike = spikeFrom >= 0 && i >= spikeFrom && i < spikeFrom + spikeRows;
            double cpu = spike ? 97 + r.nextGaussian() * 0.5 : 12 + r.nextGaussian() * 1.5;
            sb.append(T0.plusSeconds(5L * i)).append(',')
                    .append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f,%.0f,%.0f,%.2f", cpu,
                            40 + r.nextGaussian() * 0.3, 55.0 + r.nextGaussian() * 0.01, 3 + Math.abs(r.nextGaussian()),
                            20_000 + r.nextGaussian() * 2_000, 10_000 + r.nextGaussian() * 1_000,
                            spike ? 2.5 : 0.5 + r.nextGaussian() * 0.05))
                    .append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }
}
