package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.PlanStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * restart_service on the machine the agent runs on: {@code remediation.restart_command} (default
 * {@code systemctl restart {unit}}) as an argument list, verified with {@code verify_command}
 * (default {@code systemctl is-active --quiet {unit}}).
 */
final class LocalRestart implements RestartExecutor {

    private final List<String> restartCommand;
    private final List<String> verifyCommand;
    private final Duration timeout;

    LocalRestart(List<String> restartCommand, List<String> verifyCommand, Duration timeout) {
        this.restartCommand = List.copyOf(restartCommand);
        this.verifyCommand = verifyCommand == null ? List.of() : List.copyOf(verifyCommand);
        this.timeout = timeout;
    }

    static List<String> argv(List<String> template, String unit) {
        return template.stream().map(a -> a.replace("{unit}", unit)).toList();
    }

    @Override
    public Optional<String> unsupported(Target target) {
        if (!target.local()) {
            return Optional.of("the local executor restarts units on this machine only, and " + target.name()
                    + " is another host (set remediation.executor: aws to restart through SSM)");
        }
        return Optional.empty();
    }

    @Override
    public List<PlanStep> plan(RemediationAction.RestartService action, Target target) {
        List<PlanStep> steps = new java.util.ArrayList<>();
        steps.add(new PlanStep("process", "restart " + action.unit() + " on this machine (no shell)",
                argv(restartCommand, action.unit())));
        if (!verifyCommand.isEmpty()) {
            steps.add(new PlanStep("process", "verify later that " + action.unit() + " is active",
                    argv(verifyCommand, action.unit())));
        }
        return steps;
    }

    @Override
    public Outcome run(RemediationAction.RestartService action, Target target) {
        List<String> argv = argv(restartCommand, action.unit());
        ProcessRunner.Result r = ProcessRunner.run(argv, timeout);
        return r.ok() ? Outcome.success(r.describe(argv)) : Outcome.failure(r.describe(argv));
    }

    @Override
    public Optional<Verdict> verify(RemediationAction.RestartService action, Target target, Outcome outcome) {
        if (verifyCommand.isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = argv(verifyCommand, action.unit());
        ProcessRunner.Result r = ProcessRunner.run(argv, timeout);
        return Optional.of(new Verdict(r.ok(), r.ok() ? action.unit() + " is active (" + String.join(" ", argv)
                + " exited 0)" : action.unit() + " is not active: " + r.describe(argv)));
    }
}
