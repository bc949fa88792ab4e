package io.smartcloudops.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the agent may do to fix things. Disabled by default: until {@code enabled: true}, every action
 * (button, rule, chat, CLI) runs as a dry run that only shows its plan.
 *
 * @param enabled            false = dry run only
 * @param executor           where restart_service runs: {@code local} (this machine, {@code restart_command})
 *                           or {@code aws} (SSM Run Command with {@code aws.ssm_document} on the target instance)
 * @param allowedUnits       the only units restart_service accepts
 * @param unitPattern        every unit name must also match this (no shell or path characters can pass)
 * @param restartCommand     argv of the local restart, {@code {unit}} replaced; run without a shell
 * @param verifyCommand      argv that exits 0 when the unit is active again (local verification)
 * @param commandTimeout     longest a local command may run before it is killed
 * @param cooldown           minimum time between two runs of the same action on the same target (and unit)
 * @param maxPerHour         actions allowed per target in any rolling hour
 * @param verificationDelay  how long after an action its effect is checked
 * @param approvalTimeout    pending approvals older than this expire
 * @param breaker            the per-target circuit breaker
 * @param autoScalingGroup   Auto Scaling group for targets that name none (scale_up)
 * @param instanceIdTargets  treat hosts named after an EC2 instance id ({@code i-0abc...}, optionally with
 *                           {@code :port}) as targets without listing them
 * @param targets            targets by host name (the name the agent shows for the host)
 * @param groups             tiers by name ({@code app}): accepted as a target wherever a host is (scale_up,
 *                           scale_in and notify act on the tier's Auto Scaling group)
 */
public record RemediationConfig(
        boolean enabled,
        String executor,
        List<String> allowedUnits,
        String unitPattern,
        List<String> restartCommand,
        List<String> verifyCommand,
        Duration commandTimeout,
        Duration cooldown,
        int maxPerHour,
        Duration verificationDelay,
        Duration approvalTimeout,
        BreakerConfig breaker,
        String autoScalingGroup,
        boolean instanceIdTargets,
        Map<String, TargetConfig> targets,
        Map<String, GroupConfig> groups) {

    /** Unit names as systemd and the SSM restart document accept them; nothing a shell or a path could use. */
    public static final String DEFAULT_UNIT_PATTERN = "[A-Za-z0-9][A-Za-z0-9@._-]{0,63}";

    public static RemediationConfig defaults() {
        return new RemediationConfig(false, "local", List.of(), DEFAULT_UNIT_PATTERN,
                List.of("systemctl", "restart", "{unit}"), List.of("systemctl", "is-active", "--quiet", "{unit}"),
                Duration.ofSeconds(60), Duration.ofMinutes(10), 6, Duration.ofSeconds(60), Duration.ofMinutes(30),
                BreakerConfig.defaults(), null, false, Map.of(), Map.of());
    }

    /**
     * The circuit breaker: after {@code failures} failed or ineffective actions on one target within
     * {@code window}, rules stop acting on that target for {@code openFor} and a notification is sent instead.
     */
    public record BreakerConfig(int failures, Duration window, Duration openFor) {
        public static BreakerConfig defaults() {
            return new BreakerConfig(3, Duration.ofHours(1), Duration.ofHours(1));
        }
    }

    /**
     * A tier of hosts, e.g. {@code app}: a target of its own for the actions that concern the whole tier.
     *
     * @param autoScalingGroup the tier's Auto Scaling group (scale_up, scale_in)
     * @param hosts            its hosts, for people and the chat ("scale up the app tier")
     * @param description      what it is
     */
    public record GroupConfig(String autoScalingGroup, List<String> hosts, String description) {
        public GroupConfig {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }
    }

    /**
     * One host the agent may act on.
     *
     * @param instanceId       EC2 instance id (SSM and Auto Scaling need it)
     * @param autoScalingGroup its Auto Scaling group (else found with DescribeAutoScalingInstances)
     * @param tags             labels rules select targets by ({@code role: web})
     */
    public record TargetConfig(String instanceId, String autoScalingGroup, Map<String, String> tags) {
        public TargetConfig {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }
}
