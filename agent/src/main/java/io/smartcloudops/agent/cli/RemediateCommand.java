package io.smartcloudops.agent.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.audit.AuditKey;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.remediate.ActionRunner;
import io.smartcloudops.agent.remediate.AwsClients;
import io.smartcloudops.agent.remediate.LocalHost;
import io.smartcloudops.agent.remediate.RemediationException;
import io.smartcloudops.agent.remediate.RemediationService;
import io.smartcloudops.agent.remediate.SharedIdempotencyKeys;
import io.smartcloudops.agent.remediate.Submission;
import io.smartcloudops.agent.remediate.Targets;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code remediate restart-service|scale-up}: the same validation, guardrails, executors and audit log
 * as {@code POST /remediations}, from a shell or a runbook. Exit codes: 0 done (or dry run), 1 failed or
 * refused, 2 bad input.
 */
@Command(name = "remediate", mixinStandardHelpOptions = true,
        description = {"Run a remediation action now, as an operator, through the agent's audited path.",
                "Dry run only until remediation.enabled is true in agent.yaml."},
        subcommands = {RemediateCommand.RestartService.class, RemediateCommand.ScaleUp.class})
public final class RemediateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose restart-service or scale-up (see --help)");
    }

    /** Options both actions share (a picocli mixin). */
    static final class Common {
        @Option(names = "--config", paramLabel = "FILE", description = "agent.yaml (remediation:, aws:, logs: sections)")
        Path config;

        @Option(names = "--logs-dir", paramLabel = "DIR", description = "audit log directory (default ./logs)")
        String logsDir;

        @Option(names = "--target", paramLabel = "HOST", description = "the host to act on (default: this machine)")
        String target;

        @Option(names = "--dry-run", description = "show exactly what would run, run nothing")
        boolean dryRun;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit log")
        String reason;

        @Option(names = "--idempotency-key", paramLabel = "KEY", description = "never run twice for the same key")
        String idempotencyKey;

        @Option(names = "--no-verify", description = "do not wait for the verification after the action")
        boolean noVerify;
    }

    @Command(name = "restart-service", mixinStandardHelpOptions = true,
            description = "Restart an allow-listed service unit (locally with restart_command, or through SSM).",
            footerHeading = "%nExamples:%n",
            footer = {"  remediate restart-service --unit nginx --dry-run",
                    "  remediate restart-service --unit nginx --target i-0abc12345def67890 --config /etc/smartcloudops/agent.yaml"})
    static final class RestartService implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Common common;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "the unit, as listed in remediation.allowed_units")
        String unit;

        @Override
        public Integer call() throws Exception {
            return execute(spec, common, target -> RemediationRequest.restartService(target, unit,
                    common.dryRun, common.reason));
        }
    }

    @Command(name = "scale-up", mixinStandardHelpOptions = true,
            description = "Raise the desired capacity of the target's Auto Scaling group by one (never past its max).",
            footerHeading = "%nExamples:%n",
            footer = {"  remediate scale-up --target i-0abc12345def67890 --dry-run"})
    static final class ScaleUp implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            return execute(spec, common, target -> RemediationRequest.scaleUp(target, common.dryRun,
                    common.reason));
        }
    }

    static int execute(CommandLine.Model.CommandSpec spec, Common o,
                       java.util.function.Function<String, RemediationRequest> request) throws InterruptedException {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("logs.dir", o.logsDir);
        AgentConfig cfg = new ConfigLoader(System.getenv()).load(o.config, overrides);
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        try (AwsClients aws = new AwsClients(cfg.aws());
             AuditLog audit = new AuditLog(Path.of(cfg.logs().dir()), clock, cfg.logs().retentionDays(),
                     AuditKey.resolve(cfg, System.getenv(), aws::ssm))) {
            String local = LocalHost.name();
            Targets targets = new Targets(cfg.remediation(), local, List::of);
            String target = o.target == null || o.target.isBlank() ? local : o.target.strip();
            try (RemediationService service = RemediationService.start(cfg.remediation(), targets,
                    new ActionRunner(cfg, aws, clock), audit, new EventBus(), new PrometheusRegistry(), SharedIdempotencyKeys.NONE)) {
                Remediation r;
                try {
                    r = service.submit(Submission.byOperator(request.apply(target), actor, o.idempotencyKey));
                } catch (RemediationException.Invalid | RemediationException.NotFound e) {
                    throw new UsageException(e.getMessage());
                } catch (RemediationException e) {
                    out.println("refused: " + e.getMessage());
                    out.flush();
                    return AgentMain.FAILURE;
                }
                print(out, r, true);
                if (!r.state().terminal() || !o.noVerify && !r.dryRun()) {
                    Duration wait = cfg.remediation().commandTimeout().plus(cfg.aws().commandTimeout())
                            .plus(o.noVerify ? Duration.ZERO : cfg.remediation().verificationDelay().plus(Duration.ofMinutes(1)));
                    r = service.await(r.id(), wait, !o.noVerify);
                    print(out, r, false);
                }
                out.println("audit: " + audit.fileFor(r.createdAt().atZone(ZoneOffset.UTC).toLocalDate())
                        + " (request_id " + r.id() + ")");
                out.flush();
                return "success".equals(r.result()) || "dry_run".equals(r.result()) ? AgentMain.OK : AgentMain.FAILURE;
            }
        }
    }

    private static void print(PrintWriter out, Remediation r, boolean first) {
        if (first) {
            out.println(r.action().key() + " " + r.params() + " on " + r.target()
                    + (r.dryRun() ? " — DRY RUN, nothing will run" : ""));
            out.println("plan:");
            int i = 1;
            for (PlanStep s : r.plan()) {
                out.println("  " + i++ + ". " + s.description() + ":  " + String.join(" ", s.command()));
            }
        }
        out.println("state: " + r.state().key() + (r.result() == null ? "" : "  result: " + r.result())
                + (r.effective() == null ? "" : "  effective: " + r.effective()));
        if (r.detail() != null && (r.state().terminal() || !first)) {
            out.println("detail: " + r.detail());
        }
        out.flush();
    }
}
