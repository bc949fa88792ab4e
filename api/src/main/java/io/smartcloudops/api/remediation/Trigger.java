package io.smartcloudops.api.remediation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who asked for a remediation: a rule of the rule engine, an operator (button, API, CLI), or the chat. */
public enum Trigger {
    RULE, OPERATOR, CHAT;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Trigger fromKey(String key) {
        for (Trigger t : values()) {
            if (t.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trigger '" + key + "' (expected rule, operator or chat)");
    }
}
