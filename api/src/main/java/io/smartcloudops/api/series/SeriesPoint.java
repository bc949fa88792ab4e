package io.smartcloudops.api.series;

import java.time.Instant;

/**
 * One sample of one metric, or one minute of them where the agent keeps only per-minute aggregates (older than
 * {@code store.raw_retention}): then {@code timestamp} is the minute's start, {@code value} the mean of the
 * minute's samples, {@code min} and {@code max} its extremes and {@code samples} how many there were. The three
 * are absent on a raw sample.
 *
 * @param timestamp when the sample was taken, or the start of the minute
 * @param value     the sample's value, or the minute's mean
 * @param min       the smallest sample of the minute (absent on a raw sample)
 * @param max       the largest sample of the minute (absent on a raw sample)
 * @param samples   how many samples the minute held (absent on a raw sample)
 */
public record SeriesPoint(Instant timestamp, double value, Double min, Double max, Integer samples) {

    /** A raw sample. */
    public SeriesPoint(Instant timestamp, double value) {
        this(timestamp, value, null, null, null);
    }

    /** One minute of samples: their mean, extremes and count. */
    public static SeriesPoint minute(Instant start, double mean, double min, double max, int samples) {
        return new SeriesPoint(start, mean, min, max, samples);
    }

    /** True when this point stands for a minute of samples (value = their mean), not for one sample. */
    public boolean aggregated() {
        return samples != null;
    }
}
