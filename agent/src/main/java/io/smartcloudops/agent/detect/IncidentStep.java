package io.smartcloudops.agent.detect;

/** What one row did to a series' incident state. */
public enum IncidentStep {
    /** nothing open, nothing raised */
    QUIET,
    /** a new incident was raised on this row */
    RAISED,
    /** an incident is open and continues */
    ONGOING,
    /** the open incident ended on this row */
    CLOSED
}
