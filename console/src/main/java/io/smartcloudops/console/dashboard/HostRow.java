package io.smartcloudops.console.dashboard;

/** A host's row on the dashboard: TilesFX tiles for a few hosts, a compact line for a fleet. */
interface HostRow {

    HostTileModel model();

    void selected(boolean on);

    void applyTheme(boolean dark);

    /** Stops following the model (the row left the dashboard for good). */
    void dispose();
}
