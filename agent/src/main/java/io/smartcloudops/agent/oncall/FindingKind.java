package io.smartcloudops.agent.oncall;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What notifications are about: the detector's anomalies and the alerts received from Alertmanager or Grafana
 * (both can be acknowledged and silenced), and the messages of notify actions (neither).
 */
public enum FindingKind {
    ANOMALY, ALERT, MESSAGE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FindingKind parse(String text) {
        for (FindingKind k : values()) {
            if (k.key().equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + text + "' (expected anomaly, alert or message)");
    }
}
