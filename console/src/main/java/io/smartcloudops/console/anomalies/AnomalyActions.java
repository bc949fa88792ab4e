package io.smartcloudops.console.anomalies;

import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/** What the Anomalies screen can do about the selected anomaly's host (the Remediation screen's rules). */
public interface AnomalyActions {

    /** The actions offered under an anomaly. */
    enum Action { SCALE_UP, RESTART_SERVICE }

    /** Why {@code action} cannot be used on the host of the selected anomaly (empty when it can), kept up to date. */
    ObservableStringValue whyNot(ObservableValue<String> host, Action action);

    /** Whether {@code action} cannot be tried on {@code host} before the agent's configuration changes. */
    boolean needsConfiguration(String host, Action action);

    /** Starts {@code action} on {@code host}: the confirm dialog with its plan (nothing runs before Confirm). */
    void start(String host, Action action);
}
