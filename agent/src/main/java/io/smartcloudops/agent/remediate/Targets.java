package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.RemediationConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts remediation may act on: those listed under {@code remediation.targets}, the machine the
 * agent runs on, and (with {@code instance_id_targets}) any host the agent sees that is named after an
 * EC2 instance id.
 */
public final class Targets {

    private static final Pattern INSTANCE_HOST = Pattern.compile("(i-[0-9a-f]{8,17})(:\\d{1,5})?");

    private final Map<String, Target> configured;
    private final String localHost;
    private final boolean instanceIdTargets;
    private final String defaultGroup;
    private final Supplier<Collection<String>> seenHosts;

    public Targets(RemediationConfig config, String localHost, Supplier<Collection<String>> seenHosts) {
        this.localHost = localHost;
        this.instanceIdTargets = config.instanceIdTargets();
        this.defaultGroup = blankToNull(config.autoScalingGroup());
        this.seenHosts = seenHosts;
        Map<String, Target> m = new LinkedHashMap<>();
        (config.targets() == null ? Map.<String, RemediationConfig.TargetConfig>of() : config.targets()).forEach((name, t) ->
                m.put(name, new Target(name, blankToNull(t.instanceId()),
                        t.autoScalingGroup() != null && !t.autoScalingGroup().isBlank() ? t.autoScalingGroup() : defaultGroup,
                        t.tags(), name.equals(localHost))));
        this.configured = Map.copyOf(m);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The target named {@code name}, if remediation may act on it. */
    public Optional<Target> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Target t = configured.get(name);
        if (t != null) {
            return Optional.of(t);
        }
        if (name.equals(localHost)) {
            return Optional.of(new Target(name, null, defaultGroup, Map.of(), true));
        }
        if (instanceIdTargets) {
            Matcher m = INSTANCE_HOST.matcher(name);
            if (m.matches()) {
                return Optional.of(new Target(name, m.group(1), defaultGroup, Map.of(), false));
            }
        }
        return Optional.empty();
    }

    /** Every target known now: configured ones, this machine, instance-id hosts seen. */
    public List<Target> all() {
        Map<String, Target> out = new LinkedHashMap<>(configured);
        if (localHost != null) {
            out.putIfAbsent(localHost, find(localHost).orElseThrow());
        }
        if (instanceIdTargets) {
            for (String h : seenHosts.get()) {
                if (!out.containsKey(h)) {
                    find(h).ifPresent(t -> out.put(h, t));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Names for error messages, at most 20. */
    public String names() {
        List<String> names = all().stream().map(Target::name).toList();
        return names.size() <= 20 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " in all)";
    }

    public String localHost() {
        return localHost;
    }
}
