package io.smartcloudops.agent.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a token may do: a viewer reads, an operator also changes state (remediation, approvals, silences).
 * A webhook token (Alertmanager's or Grafana's) may post alerts and nothing else: it is outside that order.
 */
public enum Role {
    VIEWER, OPERATOR, WEBHOOK;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (expected viewer, operator or webhook)");
    }

    /** Whether this role may do what {@code required} may. */
    public boolean covers(Role required) {
        if (this == WEBHOOK || required == WEBHOOK) {
            return this == required;
        }
        return this.ordinal() >= required.ordinal();
    }
}
