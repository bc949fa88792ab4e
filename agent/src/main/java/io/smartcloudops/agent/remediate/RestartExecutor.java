package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.PlanStep;
import java.util.List;
import java.util.Optional;

/** Where restart_service runs: this machine ({@link LocalRestart}) or the target through SSM ({@link SsmRestart}). */
sealed interface RestartExecutor permits LocalRestart, SsmRestart {

    /** Why this executor cannot act on {@code target}, if it cannot. */
    Optional<String> unsupported(Target target);

    List<PlanStep> plan(RemediationAction.RestartService action, Target target);

    Outcome run(RemediationAction.RestartService action, Target target);

    /** Whether the unit is active again; empty when this executor has no way to tell. */
    Optional<Verdict> verify(RemediationAction.RestartService action, Target target, Outcome outcome);
}
