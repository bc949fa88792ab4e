package io.smartcloudops.agent.remediate;

import java.util.Map;
import java.util.Optional;

/**
 * A host remediation may act on.
 *
 * @param name             the host as the agent names it (and requests name it)
 * @param instanceId       EC2 instance id, or null
 * @param autoScalingGroup Auto Scaling group, or null (found through the instance id)
 * @param tags             labels rules select by
 * @param local            the machine the agent runs on
 */
public record Target(String name, String instanceId, String autoScalingGroup, Map<String, String> tags, boolean local) {

    public Target {
        tags = Map.copyOf(tags);
    }

    public Optional<String> instance() {
        return Optional.ofNullable(instanceId);
    }

    public Optional<String> group() {
        return Optional.ofNullable(autoScalingGroup);
    }

    /** What the audit log's {@code instance} names: the host. */
    public String label() {
        return name;
    }
}
