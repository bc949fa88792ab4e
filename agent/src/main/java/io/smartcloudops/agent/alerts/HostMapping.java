package io.smartcloudops.agent.alerts;

import io.smartcloudops.agent.config.RemediationConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which host an alert is about: the value of the configured label ({@code instance} by default) as it is when
 * the agent collects a host of that name (the {@code prometheus:} and {@code node-exporter:} sources name hosts
 * {@code host:port}, like Prometheus's {@code instance}), else with its port stripped, then the names of
 * {@code remediation.targets} applied, so an alert about {@code i-0abc:9100} is about the target whose
 * {@code instance_id} is {@code i-0abc}. A value that cannot be a host name (spaces,
 * control characters, slashes, longer than 253 characters) maps to no host: such an alert is listed but no
 * rule can act on it.
 */
final class HostMapping {

    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.%a-z]+)\\](?::\\d{1,5})?");
    private static final Pattern HOST_PORT = Pattern.compile("([^:]+):\\d{1,5}");
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");

    private final String label;
    private final Predicate<String> collected;
    private final Map<String, String> names = new HashMap<>();

    /** @param collected whether the agent collects samples of a host of that name */
    HostMapping(String label, Map<String, RemediationConfig.TargetConfig> targets, Predicate<String> collected) {
        this.label = label;
        this.collected = collected;
        if (targets != null) {
            targets.forEach((name, t) -> {
                names.put(name, name);
                if (t != null && t.instanceId() != null && !t.instanceId().isBlank()) {
                    names.putIfAbsent(t.instanceId().trim(), name);
                }
            });
        }
    }

    String label() {
        return label;
    }

    Optional<String> host(Map<String, String> labels) {
        String value = labels.get(label);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String given = value.trim();
        if (names.containsKey(given) || collected.test(given)) {
            return Optional.of(names.getOrDefault(given, given));
        }
        String h = stripPort(given);
        if (!PLAUSIBLE.matcher(h).matches()) {
            return Optional.empty();
        }
        return Optional.of(names.getOrDefault(h, h));
    }

    static String stripPort(String value) {
        Matcher b = BRACKETED.matcher(value);
        if (b.matches()) {
            return b.group(1);
        }
        Matcher hp = HOST_PORT.matcher(value);
        return hp.matches() ? hp.group(1) : value;
    }
}
