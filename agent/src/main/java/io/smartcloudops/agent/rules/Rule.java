package io.smartcloudops.agent.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A checked rule.
 *
 * @param name             unique name
 * @param description      for people
 * @param condition        {@code when:}
 * @param forDuration      hold time before firing
 * @param keepFiringFor    keep firing this long after the condition clears
 * @param action           action key
 * @param params           action parameters
 * @param hosts            host names it is limited to (empty = any)
 * @param tags             tags the host's target must have (empty = any)
 * @param cooldown         between two actions on one host
 * @param maxPerHour       actions per host in any hour
 * @param requiresApproval propose instead of run
 * @param dryRun           plan only
 * @param clearWhen        recovery condition: a firing rule resolves only once it holds (null: when {@code when} is false)
 * @param scaleInAfter     for scale_up: return the group to its earlier capacity once the rule stayed resolved this long (null: never)
 */
public record Rule(String name, String description, Condition condition, Duration forDuration, Duration keepFiringFor,
                   String action, Map<String, String> params, List<String> hosts, Map<String, String> tags,
                   Duration cooldown, int maxPerHour, boolean requiresApproval, boolean dryRun, Condition clearWhen,
                   Duration scaleInAfter) {

    public Rule {
        params = Map.copyOf(params);
        hosts = List.copyOf(hosts);
        tags = Map.copyOf(tags);
    }
}
