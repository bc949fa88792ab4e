package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.audit.AuditKey;
import io.smartcloudops.agent.audit.AuditVerifier;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.remediate.AwsClients;
import io.smartcloudops.agent.secrets.SsmSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit verify [FILE|DIR]}: checks the audit log's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the remediation audit log.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    AgentMain main;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check that no audit record was changed, removed or reordered.",
                    "Records sealed with an HMAC key are checked with " + AuditKey.VARIABLE
                            + " (or the SSM parameter <ssm.parameter_prefix>/" + SsmSecrets.AUDIT_HMAC_KEY + ").",
                    "Exit 0 when the chain is whole and every record was checked, 1 otherwise."},
            footerHeading = "%nExamples:%n",
            footer = {"  audit verify                                   # the logs directory (logs.dir)",
                    "  audit verify logs/remediation-2026-01-31.jsonl",
                    "  audit verify --expect-head hmac-sha256:3be1...  # a head published earlier (/metrics, SNS)"})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        AuditCommand parent;

        @Parameters(arity = "0..1", paramLabel = "FILE|DIR", description = "an audit file or directory (default: logs.dir)")
        Path path;

        @Option(names = "--config", paramLabel = "FILE", description = "agent.yaml, for logs.dir and ssm")
        Path config;

        @Option(names = "--logs-dir", paramLabel = "DIR", description = "audit log directory (default ./logs)")
        String logsDir;

        @Option(names = "--expect-head", paramLabel = "HASH",
                description = "a head hash published earlier (smartcloudops_audit_head_info in Prometheus, the anchor "
                        + "SNS message): the log must contain it, so records cut off after it or a rewritten log are found")
        String expectHead;

        @Override
        public Integer call() {
            Map<String, String> env = parent.main.environment();
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("logs.dir", logsDir);
            AgentConfig cfg = new ConfigLoader(env).load(config, overrides);
            Path target = path != null ? path : Path.of(cfg.logs().dir());
            Optional<AuditKey> key;
            try (AwsClients aws = new AwsClients(cfg.aws())) {
                key = AuditKey.resolve(cfg, env, aws::ssm);
            }
            PrintWriter out = spec.commandLine().getOut();
            AuditVerifier.Report report;
            try {
                report = AuditVerifier.verify(target, key, Optional.ofNullable(expectHead).filter(h -> !h.isBlank()));
            } catch (NoSuchFileException e) {
                throw new UsageException("no such audit file or directory: " + target);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + target + ": " + e.getMessage(), e);
            }
            for (String t : report.torn()) {
                out.println("warning: " + t + ": not a complete record (a write cut short); skipped");
            }
            if (report.broken().isPresent()) {
                out.println("BROKEN: " + report.broken().get());
                out.println("checked " + report.records() + " record(s) in " + report.files() + " file(s) before the break");
                out.flush();
                return AgentMain.FAILURE;
            }
            if (report.unchecked() > 0) {
                out.println("NOT VERIFIED: " + report.unchecked() + " of " + report.records() + " record(s) are sealed with an "
                        + "HMAC key and no key is set: set " + AuditKey.VARIABLE + " (or ssm:) to the agent's key and run again; "
                        + "the links between all records hold");
                out.flush();
                return AgentMain.FAILURE;
            }
            if (key.isPresent() && report.records() > 0 && report.keyed() == 0) {
                out.println("NOT VERIFIED: a key is set but none of the " + report.records() + " record(s) is sealed with it: "
                        + "the log was written without the key, or rewritten by someone without it");
                out.flush();
                return AgentMain.FAILURE;
            }
            out.println("OK: " + report.records() + " record(s) in " + report.files() + " file(s), hash chain intact"
                    + (key.isPresent() ? ", " + report.keyed() + " sealed with the HMAC key" : "")
                    + report.anchor().map(a -> ", expected head found at " + a).orElse("")
                    + "; head " + report.head());
            out.flush();
            return AgentMain.OK;
        }
    }
}
