package io.smartcloudops.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --report-pulses FILE} (the soak benchmark): the interval between consecutive JavaFX pulses,
 * measured by an animation timer (which asks for a pulse every frame, so a pulse held up by a long redraw,
 * a full collection or a stalled UI thread shows as a long interval). Once a minute it appends one line:
 * {@code epoch_ms,pulses,p50_ms,p99_ms,max_ms} for that minute, then the same over the whole run.
 */
final class PulseReport extends AnimationTimer {

    private static final Logger LOG = LoggerFactory.getLogger(PulseReport.class);
    /** Buckets of 1 ms up to 10 s; a longer interval counts in the last. */
    private static final int BUCKETS = 10_001;

    private final Path file;
    private final long[] minute = new long[BUCKETS];
    private final long[] total = new long[BUCKETS];
    private long last;
    private long minuteStart;

    PulseReport(Path file) {
        this.file = file;
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            int ms = (int) Math.min(BUCKETS - 1, (now - last) / 1_000_000);
            minute[ms]++;
            total[ms]++;
        } else {
            minuteStart = now;
        }
        last = now;
        if (now - minuteStart >= 60_000_000_000L) {
            write(line("minute", minute) + line("total", total));
            java.util.Arrays.fill(minute, 0);
            minuteStart = now;
        }
    }

    private static String line(String kind, long[] histogram) {
        long n = 0;
        int max = 0;
        for (int i = 0; i < histogram.length; i++) {
            n += histogram[i];
            if (histogram[i] > 0) {
                max = i;
            }
        }
        return String.format(Locale.ROOT, "%d,%s,%d,%d,%d,%d%n", System.currentTimeMillis(), kind, n,
                percentile(histogram, n, 0.50), percentile(histogram, n, 0.99), max);
    }

    private static int percentile(long[] histogram, long n, double q) {
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank && seen > 0) {
                return i;
            }
        }
        return 0;
    }

    private void write(String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot write the pulse report to {}: {}", file, e.getMessage());
        }
    }
}
