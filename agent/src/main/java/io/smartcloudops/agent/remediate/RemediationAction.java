package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.ActionType;
import java.util.LinkedHashMap;
import java.util.Map;

/** A validated action: the closed set the agent can run. */
public sealed interface RemediationAction {

    ActionType type();

    /** The parameters as the API and the audit log show them. */
    Map<String, String> params();

    /** Rebuilds an action from the audit log's {@code action} and {@code params} (already validated when written). */
    static RemediationAction of(ActionType type, Map<String, String> params) {
        Map<String, String> p = params == null ? Map.of() : params;
        return switch (type) {
            case RESTART_SERVICE -> new RestartService(p.getOrDefault("unit", ""));
            case SCALE_UP -> new ScaleUp();
            case NOTIFY -> new Notify(p.getOrDefault("subject", ""), p.getOrDefault("message", ""), p.get("channel"));
        };
    }

    /** What cooldowns are kept per, besides the target: the unit for restarts. */
    default String cooldownScope() {
        return type().key();
    }

    /** Restart one allow-listed unit. */
    record RestartService(String unit) implements RemediationAction {
        @Override
        public ActionType type() {
            return ActionType.RESTART_SERVICE;
        }

        @Override
        public Map<String, String> params() {
            return Map.of("unit", unit);
        }

        @Override
        public String cooldownScope() {
            return type().key() + ":" + unit;
        }
    }

    /** Raise the target's Auto Scaling group's desired capacity by one. */
    record ScaleUp() implements RemediationAction {
        @Override
        public ActionType type() {
            return ActionType.SCALE_UP;
        }

        @Override
        public Map<String, String> params() {
            return Map.of();
        }
    }

    /** Publish a message to the SNS topic, or post it to a notification channel ({@code notify.channels}) when one is named. */
    record Notify(String subject, String message, String channel) implements RemediationAction {

        public Notify(String subject, String message) {
            this(subject, message, null);
        }

        @Override
        public ActionType type() {
            return ActionType.NOTIFY;
        }

        @Override
        public Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("subject", subject);
            p.put("message", message);
            if (channel != null) {
                p.put("channel", channel);
            }
            return p;
        }
    }
}
