package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.audit.AuditVerifier;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required: verify");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check that no audit record was changed, removed or reordered.",
                    "Exit 0 when the chain is whole, 1 with the first broken line otherwise."},
            footerHeading = "%nExamples:%n",
            footer = {"  audit verify                                   # the logs directory (logs.dir)",
                    "  audit verify logs/remediation-2026-01-31.jsonl"})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE|DIR", description = "an audit file or directory (default: logs.dir)")
        Path path;

        @Option(names = "--config", paramLabel = "FILE", description = "agent.yaml, for logs.dir")
        Path config;

        @Option(names = "--logs-dir", paramLabel = "DIR", description = "audit log directory (default ./logs)")
        String logsDir;

        @Override
        public Integer call() {
            Path target = path;
            if (target == null) {
                Map<String, String> overrides = new LinkedHashMap<>();
                overrides.put("logs.dir", logsDir);
                AgentConfig cfg = new ConfigLoader(System.getenv()).load(config, overrides);
                target = Path.of(cfg.logs().dir());
            }
            PrintWriter out = spec.commandLine().getOut();
            AuditVerifier.Report report;
            try {
                report = AuditVerifier.verify(target);
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
            out.println("OK: " + report.records() + " record(s) in " + report.files() + " file(s), hash chain intact; head "
                    + report.head());
            out.flush();
            return AgentMain.OK;
        }
    }
}
