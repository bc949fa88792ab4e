package io.smartcloudops.api.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What can be done to one target right now.
 *
 * @param name             the target's name (a host as the agent names it)
 * @param instanceId       its EC2 instance id, when configured
 * @param autoScalingGroup its Auto Scaling group, when configured
 * @param tags             its tags
 * @param local            whether it is the machine the agent runs on
 * @param actions          actions possible on it with the current configuration
 * @param cooldowns        actions still cooling down
 * @param runsLastHour     actions run on it in the last hour (see {@code max_per_hour})
 * @param breakerOpen      whether the circuit breaker stopped automatic actions on it
 * @param breakerOpenUntil when the breaker closes again
 */
public record TargetOptions(String name, String instanceId, String autoScalingGroup, Map<String, String> tags,
                            boolean local, List<ActionType> actions, List<Cooldown> cooldowns, int runsLastHour,
                            boolean breakerOpen, Instant breakerOpenUntil) {

    public TargetOptions {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        actions = List.copyOf(actions);
        cooldowns = List.copyOf(cooldowns);
    }
}
