package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.remediation.ActionType;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * What the Anomalies screen can do about the selected anomaly's host (the Remediation screen's rules): it offers
 * {@link ActionType#SCALE_UP} and {@link ActionType#RESTART_SERVICE}.
 */
public interface AnomalyActions {

    /** Why {@code action} cannot be used on the host of the selected anomaly (empty when it can), kept up to date. */
    ObservableStringValue whyNot(ObservableValue<String> host, ActionType action);

    /** Whether {@code action} cannot be tried on {@code host} before the agent's configuration changes. */
    boolean needsConfiguration(String host, ActionType action);

    /** Starts {@code action} on {@code host}: the confirm dialog with its plan (nothing runs before Confirm). */
    void start(String host, ActionType action);
}
