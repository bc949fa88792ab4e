package io.smartcloudops.agent.evaluate;

/**
 * The knobs of the scoring definition.
 *
 * @param gap            an outside-window alarm at most this many rows after the previous one continues its FP event
 * @param probation      probationary fraction p: alarms on the first min(floor(p N), p 5000) rows are ignored
 * @param maxFpEventRows FP-event cap: an FP event ends once it spans this many rows (0 = no cap)
 */
public record ScoringRules(int gap, double probation, int maxFpEventRows) {

    /** NAB's probationary period, the default gap, and the FP cap of 12 rows (the headline metric). */
    public static ScoringRules capped() {
        return new ScoringRules(5, 0.15, 12);
    }

    /** As {@link #capped()} without the cap (the "known loophole" variant). */
    public static ScoringRules uncapped() {
        return new ScoringRules(5, 0.15, 0);
    }

    public ScoringRules {
        if (gap < 0 || probation < 0 || probation >= 1 || maxFpEventRows < 0) {
            throw new IllegalArgumentException("gap >= 0, 0 <= probation < 1, maxFpEventRows >= 0");
        }
    }

    /** P = min(floor(p N), p 5000): for p = 0.15 at most 750 rows. */
    public int probationRows(int rows) {
        return (int) Math.min(Math.floor(probation * rows), probation * 5000);
    }

    /** The probationary rows of a series of {@code rows} rows under NAB's default p = 0.15. */
    public static int nabProbationRows(int rows) {
        return capped().probationRows(rows);
    }
}
