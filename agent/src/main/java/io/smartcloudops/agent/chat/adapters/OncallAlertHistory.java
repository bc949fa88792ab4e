package io.smartcloudops.agent.chat.adapters;

import io.smartcloudops.agent.alerts.AlertIntake;
import io.smartcloudops.agent.alerts.AlertRoutes;
import io.smartcloudops.agent.chat.tools.AlertHistory;
import io.smartcloudops.agent.oncall.Oncall;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.oncall.Silence;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** The chat's view of alerts and silences: marked and shown as {@code GET /alerts} shows them (printable, cut). */
public final class OncallAlertHistory implements AlertHistory {

    private final AlertIntake alerts;
    private final Oncall oncall;

    public OncallAlertHistory(AlertIntake alerts, Oncall oncall) {
        this.alerts = alerts;
        this.oncall = oncall;
    }

    @Override
    public List<Alert> alerts(String host, boolean firingOnly, int limit) {
        return alerts.query(limit, firingOnly ? AlertState.FIRING : null, host, null).stream()
                .map(a -> AlertRoutes.shown(oncall.mark(a))).toList();
    }

    @Override
    public List<Silence> activeSilences() {
        return oncall.silences().active();
    }

    @Override
    public Collection<String> hosts() {
        Collection<String> hosts = new LinkedHashSet<>();
        alerts.query(500, null, null, null).forEach(a -> {
            if (a.host() != null) {
                hosts.add(a.host());
            }
        });
        return hosts;
    }
}
