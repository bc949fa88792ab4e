package io.smartcloudops.api.remediation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who asked for a remediation: a rule of the rule engine, an operator (button, API, CLI), or the chat. */
public enum Trigger {
    RULE, OPERATOR, CHAT;

    /** The wire name; JSON is read by it too (an unknown one fails, or reads as null where a field allows). */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a trigger up by its wire name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException when it is none of them
     */
    public static Trigger fromKey(String key) {
        for (Trigger t : values()) {
            if (t.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trigger '" + key + "' (expected rule, operator or chat)");
    }
}
