package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * scale_in: the way back from scale_up. Reads the group's desired and minimum capacity, and lowers the desired
 * capacity to {@code to} (or by one), never below the minimum. Compare first: with {@code expected}, a group whose
 * desired capacity is no longer that (someone else changed it meanwhile) is left alone and the skip is recorded
 * ({@code refused}, audited). Verified like scale_up: the group has its desired capacity in service.
 */
final class AutoScalingScaleIn {

    private final AutoScalingScaleUp groups;

    AutoScalingScaleIn(AutoScalingScaleUp groups) {
        this.groups = groups;
    }

    Optional<String> unsupported(Target target) {
        return groups.unsupported(target).map(why -> why.replace("scale_up", "scale_in"));
    }

    List<PlanStep> plan(RemediationAction.ScaleIn a, Target target) {
        List<PlanStep> steps = new ArrayList<>();
        String group = target.group().orElse("<group of " + target.instance().orElse("?") + ">");
        if (target.group().isEmpty()) {
            steps.add(new PlanStep("aws", "find the Auto Scaling group of " + target.instance().orElseThrow(),
                    List.of("autoscaling", "DescribeAutoScalingInstances", "InstanceIds=" + target.instance().orElseThrow())));
        }
        steps.add(new PlanStep("aws", "read the desired and minimum capacity of " + group
                + (a.expected() == null ? "" : " and go on only if the desired capacity is still " + a.expected()),
                List.of("autoscaling", "DescribeAutoScalingGroups", "AutoScalingGroupNames=" + group)));
        steps.add(new PlanStep("aws", "lower the desired capacity of " + group + (a.to() == null ? " by one" : " to " + a.to())
                + ", never below its minimum",
                List.of("autoscaling", "SetDesiredCapacity", "AutoScalingGroupName=" + group,
                        "DesiredCapacity=" + (a.to() == null ? "<desired - 1>" : "<max(" + a.to() + ", min)>"), "HonorCooldown=true")));
        return steps;
    }

    Outcome run(RemediationAction.ScaleIn a, Target target) {
        String group;
        AutoScalingGroup g;
        try {
            group = groups.groupOf(target);
            g = groups.describe(group);
        } catch (SdkException e) {
            return Outcome.failure(AwsFailures.describe("autoscaling Describe*", e));
        } catch (IllegalStateException e) {
            return Outcome.failure(e.getMessage());
        }
        int desired = g.desiredCapacity();
        if (a.expected() != null && desired != a.expected()) {
            return Outcome.refused("Auto Scaling group " + group + " has desired capacity " + desired + ", not the "
                    + a.expected() + " expected: someone changed it meanwhile, so nothing changed");
        }
        int to = Math.max(g.minSize(), a.to() == null ? desired - 1 : a.to());
        if (to >= desired) {
            return Outcome.refused("Auto Scaling group " + group + " is at desired capacity " + desired + " (min "
                    + g.minSize() + "): nothing to scale in");
        }
        try {
            groups.setDesired(group, to);
        } catch (SdkException e) {
            return Outcome.failure(AwsFailures.describe("autoscaling SetDesiredCapacity " + group, e));
        }
        return Outcome.success(new CapacityChange(group, desired, to).text() + " (min " + g.minSize() + ")");
    }
}
