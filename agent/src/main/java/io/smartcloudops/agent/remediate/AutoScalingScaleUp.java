package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;

/**
 * scale_up: finds the target's Auto Scaling group ({@code DescribeAutoScalingInstances}, unless
 * configured), reads its desired and maximum capacity ({@code DescribeAutoScalingGroups}) and raises the
 * desired capacity by one ({@code SetDesiredCapacity}, honouring the group's own cooldown). At the
 * maximum it changes nothing and says so. Verified by the group reaching its new size in service.
 */
final class AutoScalingScaleUp {

    private final AwsClients aws;

    AutoScalingScaleUp(AwsClients aws) {
        this.aws = aws;
    }

    Optional<String> unsupported(Target target) {
        if (target.group().isEmpty() && target.instance().isEmpty()) {
            return Optional.of("scale_up needs an auto_scaling_group or an instance_id for target " + target.name()
                    + " (remediation.targets." + target.name() + ")");
        }
        return Optional.empty();
    }

    List<PlanStep> plan(Target target) {
        List<PlanStep> steps = new ArrayList<>();
        String group = target.group().orElse("<group of " + target.instance().orElse("?") + ">");
        if (target.group().isEmpty()) {
            // "?" only for a target the audit log names but the configuration no longer has (replayed at start)
            String instance = target.instance().orElse("?");
            steps.add(new PlanStep("aws", "find the Auto Scaling group of " + instance,
                    List.of("autoscaling", "DescribeAutoScalingInstances", "InstanceIds=" + instance)));
        }
        steps.add(new PlanStep("aws", "read the desired and maximum capacity of " + group,
                List.of("autoscaling", "DescribeAutoScalingGroups", "AutoScalingGroupNames=" + group)));
        steps.add(new PlanStep("aws", "raise the desired capacity of " + group + " by one (refused at the maximum)",
                List.of("autoscaling", "SetDesiredCapacity", "AutoScalingGroupName=" + group,
                        "DesiredCapacity=<desired + 1>", "HonorCooldown=true")));
        return steps;
    }

    Outcome run(Target target) {
        String group;
        try {
            group = groupOf(target);
        } catch (SdkException e) {
            return Outcome.failure(AwsFailures.describe("autoscaling DescribeAutoScalingInstances", e));
        } catch (IllegalStateException e) {
            return Outcome.failure(e.getMessage());
        }
        AutoScalingGroup g;
        try {
            g = describe(group);
        } catch (SdkException e) {
            return Outcome.failure(AwsFailures.describe("autoscaling DescribeAutoScalingGroups " + group, e));
        } catch (IllegalStateException e) {
            return Outcome.failure(e.getMessage());
        }
        int desired = g.desiredCapacity();
        int max = g.maxSize();
        if (desired >= max) {
            return Outcome.refused("Auto Scaling group " + group + " is at its maximum capacity (desired " + desired
                    + " of max " + max + "): nothing changed; raise its max_size to scale further");
        }
        try {
            aws.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName(group).desiredCapacity(desired + 1)
                    .honorCooldown(true));
        } catch (SdkException e) {
            return Outcome.failure(AwsFailures.describe("autoscaling SetDesiredCapacity " + group, e));
        }
        return Outcome.success(new CapacityChange(group, desired, desired + 1).text() + " (max " + max + ")");
    }

    /** Effective when the group has as many instances in service as it wants. */
    Verdict verify(Target target) {
        try {
            AutoScalingGroup g = describe(groupOf(target));
            long inService = g.instances().stream().filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE).count();
            boolean ok = inService >= g.desiredCapacity();
            return new Verdict(ok, "Auto Scaling group " + g.autoScalingGroupName() + ": " + inService
                    + " instance(s) in service of " + g.desiredCapacity() + " desired");
        } catch (SdkException e) {
            return new Verdict(false, AwsFailures.describe("autoscaling DescribeAutoScalingGroups", e));
        } catch (IllegalStateException e) {
            return new Verdict(false, e.getMessage());
        }
    }

    void setDesired(String group, int capacity) {
        aws.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName(group).desiredCapacity(capacity).honorCooldown(true));
    }

    String groupOf(Target target) {
        if (target.group().isPresent()) {
            return target.group().get();
        }
        String id = target.instance().orElseThrow();
        List<AutoScalingInstanceDetails> found = aws.autoScaling()
                .describeAutoScalingInstances(r -> r.instanceIds(id)).autoScalingInstances();
        if (found.isEmpty()) {
            throw new IllegalStateException("instance " + id + " is not in an Auto Scaling group");
        }
        return found.getFirst().autoScalingGroupName();
    }

    AutoScalingGroup describe(String group) {
        List<AutoScalingGroup> groups = aws.autoScaling()
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(group)).autoScalingGroups();
        if (groups.isEmpty()) {
            throw new IllegalStateException("Auto Scaling group " + group + " does not exist");
        }
        return groups.getFirst();
    }
}
