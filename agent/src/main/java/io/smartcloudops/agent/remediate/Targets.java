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
 * EC2 instance id; and the tiers of {@code remediation.groups}, targets for the actions that concern a whole
 * Auto Scaling group. A notification may also be about any other host the agent watches ({@link #watched}).
 */
public final class Targets {

    private static final Pattern INSTANCE_HOST = Pattern.compile("(i-[0-9a-f]{8,17})(:\\d{1,5})?");

    private final Map<String, Target> configured;
    private final Map<String, Target> groups;
    private final Map<String, List<String>> groupHosts;
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
        Map<String, Target> g = new LinkedHashMap<>();
        Map<String, List<String>> gh = new LinkedHashMap<>();
        (config.groups() == null ? Map.<String, RemediationConfig.GroupConfig>of() : config.groups()).forEach((name, gc) -> {
            g.put(name, new Target(name, null, blankToNull(gc.autoScalingGroup()), Map.of(GROUP_TAG, name), false));
            gh.put(name, gc.hosts().stream().map(String::strip).toList());
        });
        this.groups = Map.copyOf(g);
        this.groupHosts = Map.copyOf(gh);
    }

    /** The tag a group's target carries (its name), which no host target has. */
    public static final String GROUP_TAG = "group";

    /** Whether {@code name} is a group of {@code remediation.groups} rather than a host. */
    public boolean isGroup(String name) {
        return name != null && groups.containsKey(name) && !configured.containsKey(name);
    }

    /** The names of {@code remediation.groups}. */
    public List<String> groupNames() {
        return List.copyOf(groups.keySet());
    }

    /** The hosts {@code remediation.groups.NAME.hosts} lists, in its order; empty for a name that is no group. */
    public List<String> groupHosts(String name) {
        return groupHosts.getOrDefault(name, List.of());
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
        if (groups.containsKey(name)) {
            return Optional.of(groups.get(name));
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

    /**
     * A host the agent watches (it has samples from it) as the subject of a notification, which needs no
     * restart unit or Auto Scaling group: empty for a host it has not seen and for a group's name. Only
     * {@code notify} may use it; restart and scale still need {@link #find}.
     */
    public Optional<Target> watched(String name) {
        if (name == null || groups.containsKey(name) || !seenHosts.get().contains(name)) {
            return Optional.empty();
        }
        return Optional.of(new Target(name, null, null, Map.of(), false));
    }

    /** Every target known now: configured ones, this machine, instance-id hosts seen. */
    public List<Target> all() {
        Map<String, Target> out = new LinkedHashMap<>(configured);
        if (localHost != null) {
            out.putIfAbsent(localHost, find(localHost).orElseThrow());
        }
        groups.forEach(out::putIfAbsent);
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
