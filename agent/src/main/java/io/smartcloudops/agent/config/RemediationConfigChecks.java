package io.smartcloudops.agent.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks of the {@code remediation:}, {@code aws:} and {@code rules:} sections; each failure names its key. */
final class RemediationConfigChecks {

    /**
     * What no unit name may ever contain, whatever {@code unit_pattern} says: shell and path characters,
     * whitespace, a leading dash (an option to systemctl).
     */
    static final Pattern SAFE_UNIT = Pattern.compile("[A-Za-z0-9@][A-Za-z0-9@._:-]{0,255}");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private RemediationConfigChecks() {
    }

    static void validate(AgentConfig c) {
        remediation(c.remediation());
        aws(c.aws());
        if (c.rules() == null) {
            throw new ConfigException("rules", "section must not be empty");
        }
        positive("rules.anomaly_hold", c.rules().anomalyHold());
    }

    private static void remediation(RemediationConfig r) {
        if (r == null) {
            throw new ConfigException("remediation", "section must not be empty");
        }
        if (!"local".equals(r.executor()) && !"aws".equals(r.executor())) {
            throw new ConfigException("remediation.executor", "must be local or aws (got '" + r.executor() + "')");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(r.unitPattern() == null ? "" : r.unitPattern());
        } catch (PatternSyntaxException e) {
            throw new ConfigException("remediation.unit_pattern", "not a regular expression: " + e.getDescription());
        }
        if (r.unitPattern() == null || r.unitPattern().isBlank()) {
            throw new ConfigException("remediation.unit_pattern", "is required");
        }
        List<String> units = r.allowedUnits() == null ? List.of() : r.allowedUnits();
        for (int i = 0; i < units.size(); i++) {
            String u = units.get(i);
            String key = "remediation.allowed_units[" + i + "]";
            if (u == null || !SAFE_UNIT.matcher(u).matches()) {
                throw new ConfigException(key, "'" + u + "' is not a safe unit name (letters, digits, @ . _ : -)");
            }
            if (!pattern.matcher(u).matches()) {
                throw new ConfigException(key, "'" + u + "' does not match remediation.unit_pattern " + r.unitPattern());
            }
        }
        command("remediation.restart_command", r.restartCommand(), true);
        command("remediation.verify_command", r.verifyCommand(), false);
        positive("remediation.command_timeout", r.commandTimeout());
        notNegative("remediation.cooldown", r.cooldown());
        if (r.maxPerHour() < 1) {
            throw new ConfigException("remediation.max_per_hour", "must be at least 1");
        }
        notNegative("remediation.verification_delay", r.verificationDelay());
        positive("remediation.approval_timeout", r.approvalTimeout());
        if (r.breaker() == null) {
            throw new ConfigException("remediation.breaker", "section must not be empty");
        }
        if (r.breaker().failures() < 1) {
            throw new ConfigException("remediation.breaker.failures", "must be at least 1");
        }
        positive("remediation.breaker.window", r.breaker().window());
        positive("remediation.breaker.open_for", r.breaker().openFor());
        Map<String, RemediationConfig.TargetConfig> targets = r.targets() == null ? Map.of() : r.targets();
        targets.forEach((name, t) -> {
            String key = "remediation.targets." + name;
            if (name.isBlank() || name.length() > 253 || name.chars().anyMatch(ch -> ch <= ' ' || ch == '/')) {
                throw new ConfigException(key, "a target name is a host name (no spaces or slashes)");
            }
            if (t == null) {
                throw new ConfigException(key, "give instance_id, auto_scaling_group or tags (or {})");
            }
            if (t.instanceId() != null && !INSTANCE_ID.matcher(t.instanceId()).matches()) {
                throw new ConfigException(key + ".instance_id", "'" + t.instanceId() + "' is not an EC2 instance id (i-0123456789abcdef0)");
            }
        });
        Map<String, RemediationConfig.GroupConfig> groups = r.groups() == null ? Map.of() : r.groups();
        groups.forEach((name, g) -> {
            String key = "remediation.groups." + name;
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new ConfigException(key, "a group name is letters, digits, . _ - (at most 64)");
            }
            if (targets.containsKey(name)) {
                throw new ConfigException(key, "a target of remediation.targets has this name already");
            }
            if (g == null || g.autoScalingGroup() == null || g.autoScalingGroup().isBlank()) {
                throw new ConfigException(key + ".auto_scaling_group", "is required (the tier's Auto Scaling group)");
            }
            for (int i = 0; i < g.hosts().size(); i++) {
                if (g.hosts().get(i) == null || g.hosts().get(i).isBlank()) {
                    throw new ConfigException(key + ".hosts[" + i + "]", "needs a host name");
                }
            }
        });
    }

    private static void aws(AwsConfig a) {
        if (a == null) {
            throw new ConfigException("aws", "section must not be empty");
        }
        if (a.region() != null && !a.region().isBlank() && !REGION.matcher(a.region()).matches()) {
            throw new ConfigException("aws.region", "'" + a.region() + "' is not an AWS region (e.g. eu-west-1)");
        }
        if (a.snsTopicArn() != null && !a.snsTopicArn().isBlank() && !a.snsTopicArn().startsWith("arn:")) {
            throw new ConfigException("aws.sns_topic_arn", "must be a topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
        }
        if (a.maxAttempts() < 1 || a.maxAttempts() > 10) {
            throw new ConfigException("aws.max_attempts", "must be between 1 and 10");
        }
        positive("aws.command_timeout", a.commandTimeout());
        positive("aws.poll_interval", a.pollInterval());
        if (a.endpoints() == null) {
            throw new ConfigException("aws.endpoints", "section must not be empty");
        }
        endpoint("aws.endpoints.ssm", a.endpoints().ssm());
        endpoint("aws.endpoints.autoscaling", a.endpoints().autoscaling());
        endpoint("aws.endpoints.sns", a.endpoints().sns());
    }

    private static void endpoint(String key, String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            URI u = URI.create(url.trim());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new ConfigException(key, "'" + url + "' is not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "'" + url + "' is not a URL");
        }
    }

    private static void command(String key, List<String> argv, boolean required) {
        if (argv == null || argv.isEmpty()) {
            if (required) {
                throw new ConfigException(key, "is required (an argument list, e.g. [systemctl, restart, \"{unit}\"])");
            }
            return;
        }
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i) == null || argv.get(i).isEmpty()) {
                throw new ConfigException(key + "[" + i + "]", "must not be empty");
            }
        }
        if (argv.stream().noneMatch(a -> a.contains("{unit}"))) {
            throw new ConfigException(key, "must contain {unit} where the unit name goes");
        }
        if (argv.getFirst().contains("{unit}")) {
            throw new ConfigException(key + "[0]", "the program itself cannot be the unit");
        }
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(key, "must be more than 0");
        }
    }

    private static void notNegative(String key, Duration d) {
        if (d == null || d.isNegative()) {
            throw new ConfigException(key, "must be 0 or more");
        }
    }
}
