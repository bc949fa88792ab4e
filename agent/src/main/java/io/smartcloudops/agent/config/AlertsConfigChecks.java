package io.smartcloudops.agent.config;

import io.smartcloudops.api.anomaly.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of the {@code alerts:} and {@code notify:} sections; each failure names its key. */
final class AlertsConfigChecks {

    static final Set<String> CHANNEL_TYPES = Set.of("slack", "teams", "pagerduty", "webhook");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private AlertsConfigChecks() {
    }

    static void validate(AgentConfig c) {
        if (c.alerts() == null) {
            throw new ConfigException("alerts", "section must not be empty");
        }
        if (c.alerts().hostLabel() == null || !LABEL.matcher(c.alerts().hostLabel()).matches()) {
            throw new ConfigException("alerts.host_label", "must be a label name such as instance (got '"
                    + c.alerts().hostLabel() + "')");
        }
        if (c.alerts().recent() < 1 || c.alerts().recent() > 1_000_000) {
            throw new ConfigException("alerts.recent", "must be between 1 and 1000000");
        }
        notify(c.notifications(), c.ssm() != null && c.ssm().enabled());
    }

    private static void notify(NotifyConfig n, boolean ssm) {
        if (n == null) {
            throw new ConfigException("notify", "section must not be empty");
        }
        n.channels().forEach((name, ch) -> channel(name, ch, ssm));
        n.anomalies().forEach((severity, channels) -> {
            if (Severity.parse(severity).isEmpty()) {
                throw new ConfigException("notify.anomalies." + severity, "not an anomaly severity (low, medium, high, critical)");
            }
            routes("notify.anomalies." + severity, channels, n);
        });
        n.alerts().forEach((severity, channels) -> routes("notify.alerts." + severity, channels, n));
        if (n.repeatInterval() == null || n.repeatInterval().isNegative()) {
            throw new ConfigException("notify.repeat_interval", "must be 0 (never) or a duration such as 4h");
        }
        if (!n.repeatInterval().isZero() && n.repeatInterval().compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("notify.repeat_interval", "must be 0 (never) or at least 1m");
        }
        between("notify.timeout", n.timeout(), Duration.ofMillis(50), Duration.ofMinutes(5));
        between("notify.backoff", n.backoff(), Duration.ofMillis(1), Duration.ofHours(1));
        between("notify.max_backoff", n.maxBackoff(), n.backoff(), Duration.ofHours(1));
        if (n.attempts() < 1 || n.attempts() > 20) {
            throw new ConfigException("notify.attempts", "must be between 1 and 20");
        }
        if (n.ratePerMinute() < 1 || n.ratePerMinute() > 6000) {
            throw new ConfigException("notify.rate_per_minute", "must be between 1 and 6000");
        }
        if (n.queue() < 1 || n.queue() > 1_000_000) {
            throw new ConfigException("notify.queue", "must be between 1 and 1000000");
        }
    }

    private static void channel(String name, NotifyConfig.ChannelConfig ch, boolean ssm) {
        String key = "notify.channels." + name;
        if (!CHANNEL_NAME.matcher(name).matches()) {
            throw new ConfigException(key, "a channel name is letters, digits, _ and - (at most 64)");
        }
        if (ch == null || ch.type() == null || !CHANNEL_TYPES.contains(ch.type())) {
            throw new ConfigException(key + ".type", "must be slack, teams, pagerduty or webhook");
        }
        env(key + ".url_env", ch.urlEnv());
        env(key + ".routing_key_env", ch.routingKeyEnv());
        env(key + ".secret_env", ch.secretEnv());
        String where = " (or set ssm.parameter_prefix to read it from SSM)";
        switch (ch.type()) {
            case "pagerduty" -> {
                if (ch.routingKeyEnv() == null && !ssm) {
                    throw new ConfigException(key + ".routing_key_env", "required: the variable that holds the routing key" + where);
                }
                unused(key + ".secret_env", ch.secretEnv(), ch.type());
            }
            case "webhook" -> {
                if (ch.urlEnv() == null && !ssm) {
                    throw new ConfigException(key + ".url_env", "required: the variable that holds the URL" + where);
                }
                if (ch.secretEnv() == null && !ssm) {
                    throw new ConfigException(key + ".secret_env", "required: the variable that holds the signing secret" + where);
                }
                unused(key + ".routing_key_env", ch.routingKeyEnv(), ch.type());
            }
            default -> {
                if (ch.urlEnv() == null && !ssm) {
                    throw new ConfigException(key + ".url_env", "required: the variable that holds the webhook URL" + where);
                }
                unused(key + ".routing_key_env", ch.routingKeyEnv(), ch.type());
                unused(key + ".secret_env", ch.secretEnv(), ch.type());
            }
        }
    }

    private static void routes(String key, List<String> channels, NotifyConfig n) {
        if (channels == null) {
            throw new ConfigException(key, "must be a list of channel names");
        }
        for (String c : channels) {
            if (!n.channels().containsKey(c)) {
                throw new ConfigException(key, "no channel '" + c + "' under notify.channels (known: "
                        + String.join(", ", new java.util.TreeSet<>(n.channels().keySet())) + ")");
            }
        }
    }

    private static void env(String key, String name) {
        if (name != null && !ENV_NAME.matcher(name).matches()) {
            throw new ConfigException(key, "must be the name of an environment variable (the value itself never goes in agent.yaml)");
        }
    }

    private static void unused(String key, String value, String type) {
        if (value != null) {
            throw new ConfigException(key, "not used by a " + type + " channel");
        }
    }

    private static void between(String key, Duration d, Duration min, Duration max) {
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(key, "must be between " + io.smartcloudops.agent.time.DurationText.format(min)
                    + " and " + io.smartcloudops.agent.time.DurationText.format(max));
        }
    }
}
