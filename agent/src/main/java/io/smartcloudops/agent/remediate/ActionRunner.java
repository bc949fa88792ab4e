package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.api.remediation.PlanStep;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Plans, runs and verifies each kind of action with the executor configuration chose for it. */
public final class ActionRunner {

    private final RestartExecutor restart;
    private final AutoScalingScaleUp scaleUp;
    private final AutoScalingScaleIn scaleIn;
    private final SnsNotify notify;
    private final ChannelNotify channels;
    private final String executor;

    public ActionRunner(AgentConfig config, AwsClients aws, Clock clock) {
        this(config, aws, clock, null);
    }

    /** @param notifier the notification channels a notify action may name ({@code channel:}), or null for none */
    public ActionRunner(AgentConfig config, AwsClients aws, Clock clock, io.smartcloudops.agent.notify.Notifier notifier) {
        this.executor = config.remediation().executor();
        this.restart = "aws".equals(executor)
                ? new SsmRestart(aws, config.aws().ssmDocument(), config.aws().commandTimeout(), config.aws().pollInterval(), clock)
                : new LocalRestart(config.remediation().restartCommand(), config.remediation().verifyCommand(),
                config.remediation().commandTimeout());
        this.scaleUp = new AutoScalingScaleUp(aws);
        this.scaleIn = new AutoScalingScaleIn(scaleUp);
        this.notify = new SnsNotify(aws, config.aws().snsTopicArn());
        this.channels = new ChannelNotify(notifier);
    }

    /** {@code local} or {@code aws}. */
    public String executor() {
        return executor;
    }

    /** Why {@code action} cannot be done on {@code target} with this configuration, if it cannot. */
    public Optional<String> unsupported(RemediationAction action, Target target) {
        return switch (action) {
            case RemediationAction.RestartService r -> restart.unsupported(target);
            case RemediationAction.ScaleUp s -> scaleUp.unsupported(target);
            case RemediationAction.ScaleIn s -> scaleIn.unsupported(target);
            case RemediationAction.Notify n -> n.channel() != null ? channels.unsupported(n.channel()) : notify.unsupported();
        };
    }

    /** Exactly what {@link #run} would do. */
    public List<PlanStep> plan(RemediationAction action, Target target) {
        return switch (action) {
            case RemediationAction.RestartService r -> restart.plan(r, target);
            case RemediationAction.ScaleUp s -> scaleUp.plan(target);
            case RemediationAction.ScaleIn s -> scaleIn.plan(s, target);
            case RemediationAction.Notify n -> n.channel() != null ? channels.plan(n, target) : notify.plan(n, target);
        };
    }

    public Outcome run(RemediationAction action, Target target) {
        try {
            return switch (action) {
                case RemediationAction.RestartService r -> restart.run(r, target);
                case RemediationAction.ScaleUp s -> scaleUp.run(target);
                case RemediationAction.ScaleIn s -> scaleIn.run(s, target);
                case RemediationAction.Notify n -> n.channel() != null ? channels.run(n, target) : notify.run(n, target);
            };
        } catch (RuntimeException e) {
            // e.g. the SDK cannot find a region or credentials: a failed action, not a crashed agent
            return Outcome.failure(action.type().key() + " could not run: " + e.getMessage());
        }
    }

    /** The action's own check of its effect; empty when it has none (notify). */
    public Optional<Verdict> verify(RemediationAction action, Target target, Outcome outcome) {
        try {
            return switch (action) {
                case RemediationAction.RestartService r -> restart.verify(r, target, outcome);
                case RemediationAction.ScaleUp s -> Optional.of(scaleUp.verify(target));
                case RemediationAction.ScaleIn s -> Optional.of(scaleUp.verify(target));
                case RemediationAction.Notify n -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.of(new Verdict(false, "verification could not run: " + e.getMessage()));
        }
    }
}
