package io.smartcloudops.console.remediation;

import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.console.anomalies.AnomalyActions;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * The Anomalies screen's buttons on the Remediation screen's rules: the same reasons for a disabled button, the
 * same preview and confirm dialog for the anomaly's host. Restart with other than one allow-listed unit opens the
 * Remediation screen at the host, to pick the unit there.
 */
public final class AnomalyRemediation implements AnomalyActions {

    private final RemediationViewModel vm;
    private final Consumer<String> pickUnitFor;

    /**
     * @param pickUnitFor shows the Remediation screen with the host's card in view
     */
    public AnomalyRemediation(RemediationViewModel vm, Consumer<String> pickUnitFor) {
        this.vm = vm;
        this.pickUnitFor = pickUnitFor;
    }

    @Override
    public ObservableStringValue whyNot(ObservableValue<String> host, ActionType action) {
        return Bindings.createStringBinding(() -> {
            String h = host.getValue();
            if (h == null || h.isEmpty()) {
                return "";
            }
            // with several units, Restart opens the Remediation screen to pick one: judge the rest with the first
            List<String> units = units();
            return vm.disabledReason(h, action, action == ActionType.RESTART_SERVICE && !units.isEmpty() ? units.getFirst() : "");
        }, host, vm.inFlight(), vm.nowProperty(), vm.viewerOnlyProperty(), vm.offeredProperty(), vm.optionsProperty());
    }

    @Override
    public boolean needsConfiguration(String host, ActionType action) {
        return host != null && !host.isEmpty() && vm.needsConfiguration(host, action);
    }

    @Override
    public void start(String host, ActionType action) {
        List<String> units = units();
        String why = "operator acted on an anomaly of " + host + " in the console";
        switch (action) {
            case SCALE_UP -> vm.request(RemediationRequest.scaleUp(host, false, why));
            case RESTART_SERVICE -> {
                if (units.size() == 1) {
                    vm.request(RemediationRequest.restartService(host, units.getFirst(), false, why));
                } else {
                    pickUnitFor.accept(host);
                }
            }
            case SCALE_IN, NOTIFY -> throw new IllegalArgumentException(action.key() + " is not offered under an anomaly");
        }
    }

    private List<String> units() {
        RemediationOptions o = vm.optionsProperty().get();
        return o == null ? List.of() : o.units();
    }
}
