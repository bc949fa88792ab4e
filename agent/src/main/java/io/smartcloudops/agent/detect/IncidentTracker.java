package io.smartcloudops.agent.detect;

/**
 * Turns per-row anomalous/normal verdicts into incidents an operator can live with: an incident is
 * raised after {@code confirmRows} consecutive anomalous rows, stays open (one record, updated) until
 * {@code closeAfterRows} consecutive normal rows, and a new one is not raised within
 * {@code refractoryRows} rows of the previous raise. {@link SeriesDetector} also ends an open incident and
 * raises a new one when a metric that was not part of it becomes novel ({@link #reraise}).
 */
final class IncidentTracker {

    private final int confirmRows;
    private final int closeAfterRows;
    private final int refractoryRows;
    private int run;
    private boolean open;
    private int normalRun;
    private long lastRaised = Long.MIN_VALUE / 2;
    private long openedAtRow = -1;

    IncidentTracker(DetectorSettings s) {
        this.confirmRows = s.confirmRows();
        this.closeAfterRows = s.closeAfterRows();
        this.refractoryRows = s.refractoryRows();
    }

    IncidentStep next(long row, boolean anomalous) {
        if (open) {
            if (anomalous) {
                normalRun = 0;
                return IncidentStep.ONGOING;
            }
            if (++normalRun >= closeAfterRows) {
                open = false;
                run = 0;
                return IncidentStep.CLOSED;
            }
            return IncidentStep.ONGOING;
        }
        run = anomalous ? run + 1 : 0;
        if (run >= confirmRows && row - lastRaised >= refractoryRows) {
            open = true;
            normalRun = 0;
            lastRaised = row;
            openedAtRow = row - confirmRows + 1;
            return IncidentStep.RAISED;
        }
        return IncidentStep.QUIET;
    }

    /** Ends the open incident and raises a new one on {@code row} (a different metric took over). */
    void reraise(long row) {
        open = true;
        normalRun = 0;
        lastRaised = row;
        openedAtRow = row - confirmRows + 1;
    }

    int confirmRows() {
        return confirmRows;
    }

    boolean isOpen() {
        return open;
    }

    /** First anomalous row of the open (or last) incident. */
    long startRow() {
        return openedAtRow;
    }
}
