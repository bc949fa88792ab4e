package io.smartcloudops.agent.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Prometheus alert states; {@code smartcloudops_rule_state} exports them as 0, 1, 2. */
public enum RuleState {
    INACTIVE(0), PENDING(1), FIRING(2);

    private final int value;

    RuleState(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
