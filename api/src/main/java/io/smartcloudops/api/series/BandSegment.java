package io.smartcloudops.api.series;

import java.time.Instant;

/**
 * The band the detector expected one metric to stay in, held from {@code from} to {@code to}.
 *
 * @param from     first scored sample this band applied to
 * @param to       last scored sample it applied to
 * @param expected the expected value, in the metric's unit
 * @param lower    lower edge of the band
 * @param upper    upper edge of the band
 * @param basis    what the expectation rests on: {@code none} (the recent level), {@code daily} or {@code weekly}
 */
public record BandSegment(Instant from, Instant to, double expected, double lower, double upper, String basis) {
}
