package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.remediation.PlanStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;

/**
 * restart_service on another host through SSM Run Command: {@code SendCommand} with the configured
 * document ({@code aws.ssm_document}, parameter {@code ServiceName}) on the target's instance, then
 * {@code GetCommandInvocation} until the command ends. The document restarts the unit and checks that
 * it is active, so a successful command is also the verification.
 */
final class SsmRestart implements RestartExecutor {

    static final String PARAMETER = "ServiceName";
    /** How much of the command's output and errors goes into the detail. */
    private static final int MAX_OUTPUT = 1000;

    private final AwsClients aws;
    private final String document;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Clock clock;

    SsmRestart(AwsClients aws, String document, Duration timeout, Duration pollInterval, Clock clock) {
        this.aws = aws;
        this.document = document;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    @Override
    public Optional<String> unsupported(Target target) {
        if (document == null || document.isBlank()) {
            return Optional.of("restart_service through SSM needs aws.ssm_document (the restart document's name)");
        }
        if (target.instance().isEmpty()) {
            return Optional.of("target " + target.name() + " has no instance_id, which SSM needs");
        }
        return Optional.empty();
    }

    @Override
    public List<PlanStep> plan(RemediationAction.RestartService action, Target target) {
        String id = target.instance().orElse("?");
        return List.of(
                new PlanStep("aws", "run the SSM document " + document + " on " + id + " to restart " + action.unit(),
                        List.of("ssm", "SendCommand", "DocumentName=" + document, "InstanceIds=" + id,
                                "Parameters." + PARAMETER + "=" + action.unit())),
                new PlanStep("aws", "wait for the command's result (the document checks that the unit is active)",
                        List.of("ssm", "GetCommandInvocation", "CommandId=<from SendCommand>", "InstanceId=" + id)));
    }

    @Override
    public Outcome run(RemediationAction.RestartService action, Target target) {
        String instanceId = target.instance().orElseThrow();
        String commandId;
        try {
            SendCommandResponse sent = aws.ssm().sendCommand(r -> r
                    .documentName(document)
                    .instanceIds(instanceId)
                    .parameters(Map.of(PARAMETER, List.of(action.unit())))
                    .comment("Smart Cloud Ops: restart " + action.unit())
                    .timeoutSeconds((int) Math.max(30, timeout.toSeconds())));
            commandId = sent.command().commandId();
        } catch (SdkException e) {
            return Outcome.failure(AwsFailures.describe("ssm SendCommand", e));
        }
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            try {
                GetCommandInvocationResponse inv = aws.ssm().getCommandInvocation(r -> r
                        .commandId(commandId).instanceId(instanceId));
                CommandInvocationStatus status = inv.status();
                if (status != null && terminal(status)) {
                    String detail = "SSM command " + commandId + " on " + instanceId + ": " + inv.statusDetails()
                            + (inv.responseCode() == null ? "" : " (exit " + inv.responseCode() + ")")
                            + output(inv.standardOutputContent(), inv.standardErrorContent());
                    return status == CommandInvocationStatus.SUCCESS ? Outcome.success(detail) : Outcome.failure(detail);
                }
            } catch (InvocationDoesNotExistException e) {
                // SSM has not registered the invocation yet: normal right after SendCommand
            } catch (SdkException e) {
                return Outcome.failure(AwsFailures.describe("ssm GetCommandInvocation " + commandId, e));
            }
            if (!clock.instant().isBefore(deadline)) {
                return Outcome.failure("SSM command " + commandId + " on " + instanceId + " did not finish within "
                        + io.smartcloudops.api.time.DurationText.format(timeout) + " (check it in the SSM console)");
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failure("interrupted while waiting for SSM command " + commandId);
            }
        }
    }

    private static boolean terminal(CommandInvocationStatus s) {
        return switch (s) {
            case SUCCESS, FAILED, CANCELLED, TIMED_OUT -> true;
            case UNKNOWN_TO_SDK_VERSION -> true;
            default -> false;
        };
    }

    private static String output(String out, String err) {
        StringBuilder sb = new StringBuilder();
        if (out != null && !out.isBlank()) {
            sb.append("; output: ").append(TextCut.ellipsis(out.strip(), MAX_OUTPUT));
        }
        if (err != null && !err.isBlank()) {
            sb.append("; errors: ").append(TextCut.ellipsis(err.strip(), MAX_OUTPUT));
        }
        return sb.toString();
    }

    @Override
    public Optional<Verdict> verify(RemediationAction.RestartService action, Target target, Outcome outcome) {
        return Optional.of(new Verdict(outcome.result() == Outcome.Result.SUCCESS,
                outcome.result() == Outcome.Result.SUCCESS
                        ? "the restart document confirmed " + action.unit() + " is active (systemctl is-active)"
                        : "the restart command did not succeed"));
    }
}
