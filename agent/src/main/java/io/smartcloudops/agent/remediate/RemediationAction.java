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
            case SCALE_IN -> new ScaleIn(integer(p.get("to")), integer(p.get("expected")));
            case NOTIFY -> new Notify(p.getOrDefault("subject", ""), p.getOrDefault("message", ""), p.get("channel"));
        };
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
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

    /**
     * Lower the target's Auto Scaling group's desired capacity to {@code to} (null: by one), never below its
     * minimum; when {@code expected} is given, only if the desired capacity is still exactly that.
     */
    record ScaleIn(Integer to, Integer expected) implements RemediationAction {
        @Override
        public ActionType type() {
            return ActionType.SCALE_IN;
        }

        @Override
        public Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            if (to != null) {
                p.put("to", Integer.toString(to));
            }
            if (expected != null) {
                p.put("expected", Integer.toString(expected));
            }
            return p;
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
