package io.smartcloudops.api.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who sent an alert: Prometheus's Alertmanager or Grafana alerting (its webhook contact point). */
public enum AlertSource {
    ALERTMANAGER, GRAFANA;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlertSource parse(String text) {
        for (AlertSource s : values()) {
            if (s.key().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown alert source '" + text + "' (expected alertmanager or grafana)");
    }
}
