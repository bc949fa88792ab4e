package io.smartcloudops.agent.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One rule as written in {@code rules.yaml}; {@link RulesFile} checks it and builds a {@link Rule}.
 *
 * @param name             unique, {@code [A-Za-z0-9_.-]}, at most 64 characters
 * @param description      for people
 * @param when             the condition, e.g. {@code cpu > 90}
 * @param forDuration      how long it must hold before the rule fires ({@code for:}, default 0)
 * @param keepFiringFor    how long it keeps firing after the condition clears (against flapping)
 * @param action           restart_service, scale_up or notify
 * @param params           the action's parameters
 * @param target           which hosts it applies to (default: every host)
 * @param cooldown         minimum time between two actions of this rule on one host (default 10m)
 * @param maxPerHour       actions of this rule per host in any hour (default 3)
 * @param requiresApproval propose the action for an operator's approval instead of running it
 * @param dryRun           only show what it would do
 * @param clearWhen        optional recovery condition, e.g. {@code cpu < 75}: a firing rule resolves only once it holds
 * @param scaleInAfter     scale_up only: once the rule has stayed resolved this long, return the Auto Scaling group
 *                         to the desired capacity it had before (never lower; skipped, audited, if it was changed since)
 */
public record RuleSpec(
        String name,
        String description,
        String when,
        @JsonProperty("for") Duration forDuration,
        Duration keepFiringFor,
        String action,
        Map<String, String> params,
        Selector target,
        Duration cooldown,
        Integer maxPerHour,
        Boolean requiresApproval,
        Boolean dryRun,
        String clearWhen,
        Duration scaleInAfter) {

    /**
     * Which hosts a rule applies to; every given part must match (none given = every host).
     *
     * @param host  one host name, or {@code *}
     * @param hosts any of these host names
     * @param tags  the host's remediation target has these tags
     */
    public record Selector(String host, List<String> hosts, Map<String, String> tags) {
    }

    /** The file: {@code rules: [...]}. */
    public record File(List<RuleSpec> rules) {
    }
}
