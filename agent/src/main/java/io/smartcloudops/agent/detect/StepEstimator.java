package io.smartcloudops.agent.detect;

import java.util.Arrays;

/**
 * The series' sampling interval: the median of its first positive timestamp steps. Sampling differs between
 * sources (5 s hosts, 5-minute, 30-minute and hourly NAB series, irregular road sensors), so every time scale
 * the detector thinks of in days (seasons, the novelty horizon) is turned into rows with it. Repeated or
 * backward timestamps and gaps do not count as steps.
 */
final class StepEstimator {

    /** Steps needed before the interval is trusted. */
    static final int NEEDED = 16;

    private final long[] steps = new long[32];
    private int count;
    private long last = Long.MIN_VALUE;
    private double step = Double.NaN;

    /** Notes a row's timestamp (epoch milliseconds). */
    void add(long epochMilli) {
        if (last != Long.MIN_VALUE && epochMilli > last && count < steps.length) {
            steps[count++] = epochMilli - last;
            if (count >= NEEDED) {
                long[] sorted = Arrays.copyOf(steps, count);
                Arrays.sort(sorted);
                step = sorted[count / 2];
            }
        }
        if (epochMilli > last) {
            last = epochMilli;
        }
    }


    /** Milliseconds between rows (NaN until {@link #NEEDED} steps were seen). */
    double millis() {
        return step;
    }

    DetectorState.Step snapshot() {
        return new DetectorState.Step(Arrays.copyOf(steps, count), last);
    }

    static StepEstimator restore(DetectorState.Step s) {
        StepEstimator e = new StepEstimator();
        e.last = s.last();
        for (long v : s.steps()) {
            e.steps[e.count++] = v;
        }
        if (e.count >= NEEDED) {
            long[] sorted = Arrays.copyOf(e.steps, e.count);
            Arrays.sort(sorted);
            e.step = sorted[e.count / 2];
        }
        return e;
    }
}
