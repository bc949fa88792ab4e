package io.smartcloudops.agent.detect;

/**
 * The one rule that turns per-row verdicts into incidents an operator can live with, used by the detector and by
 * every benchmark that replays decisions: an incident is raised after {@code confirmRows} consecutive anomalous
 * rows, and stays open (one record, updated) while its condition holds: it ends only after {@code closeAfterRows}
 * consecutive rows that no longer hold. The condition that keeps an incident open may be weaker than the one that
 * raises it (hysteresis), so one fault that wavers around the threshold stays one record.
 */
public final class IncidentTracker {

    private final int confirmRows;
    private final int closeAfterRows;
    private int run;
    private boolean open;
    private int normalRun;
    private long openedAtRow = -1;
    private long openRows;

    public IncidentTracker(int confirmRows, int closeAfterRows) {
        if (confirmRows < 1 || closeAfterRows < 1) {
            throw new IllegalArgumentException("confirm and close rows must be positive");
        }
        this.confirmRows = confirmRows;
        this.closeAfterRows = closeAfterRows;
    }

    IncidentTracker(DetectorSettings s) {
        this(s.confirmRows(), s.closeAfterRows());
    }

    /**
     * @param anomalous whether the row would raise an incident (counts towards confirmation while none is open)
     * @param holding   whether the row keeps an open incident open
     */
    public IncidentStep next(long row, boolean anomalous, boolean holding) {
        if (open) {
            openRows++;
            if (holding) {
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
        if (run >= confirmRows) {
            open = true;
            normalRun = 0;
            openRows = 0;
            openedAtRow = row - confirmRows + 1;
            return IncidentStep.RAISED;
        }
        return IncidentStep.QUIET;
    }

    /** Ends the open incident and raises a new one on {@code row} (another fault began while it was open). */
    void reraise(long row) {
        open = true;
        normalRun = 0;
        openRows = 0;
        openedAtRow = row - confirmRows + 1;
    }

    public int confirmRows() {
        return confirmRows;
    }

    public boolean isOpen() {
        return open;
    }

    /** Rows since the open incident was raised (0 on the raising row). */
    long openRows() {
        return openRows;
    }

    /** First anomalous row of the open (or last) incident. */
    public long startRow() {
        return openedAtRow;
    }

    DetectorState.Incidents snapshot() {
        return new DetectorState.Incidents(run, open, normalRun, openedAtRow, openRows);
    }

    void restore(DetectorState.Incidents s) {
        run = s.run();
        open = s.open();
        normalRun = s.normalRun();
        openedAtRow = s.openedAtRow();
        openRows = s.openRows();
    }
}
