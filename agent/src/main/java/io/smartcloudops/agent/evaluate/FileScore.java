package io.smartcloudops.agent.evaluate;

import java.util.List;

/**
 * Counts for one labelled series; every count is in data rows.
 *
 * @param windows       labelled windows that cover at least one row
 * @param detected      windows with at least one alarm inside
 * @param fpEvents      false-positive events (outside-window alarms grouped by the gap and the cap)
 * @param alarms        distinct alarm rows after the probationary period
 * @param alarmsOutside of which outside every window
 * @param delays        per detected window: first alarm row inside minus the window's first row
 */
public record FileScore(String key, int rows, int probationRows, int windows, int detected, int fpEvents,
                        int alarms, int alarmsOutside, List<Integer> delays,
                        long pointTp, long pointFp, long pointFn, long adjustedTp, long adjustedFp, long adjustedFn) {

    public FileScore {
        delays = List.copyOf(delays);
    }

    public int scoredRows() {
        return rows - probationRows;
    }

    public Prf event() {
        return Prf.of(detected, fpEvents, windows - detected);
    }

    public Prf point() {
        return Prf.of(pointTp, pointFp, pointFn);
    }

    public Prf pointAdjusted() {
        return Prf.of(adjustedTp, adjustedFp, adjustedFn);
    }

    public double delayMean() {
        return NumpyMean.of(delays.stream().mapToDouble(Integer::doubleValue).toArray());
    }
}
