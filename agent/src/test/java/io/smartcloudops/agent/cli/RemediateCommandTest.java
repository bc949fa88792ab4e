package io.smartcloudops.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.RecordingCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code remediate ...} and {@code audit verify} in-process, with a recording stand-in for systemctl. */
class RemediateCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        CommandLine cli = AgentMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private RecordingCommand config(boolean enabled) throws Exception {
        RecordingCommand systemctl = new RecordingCommand(dir, "systemctl");
        Files.writeString(dir.resolve("agent.yaml"), """
                remediation:
                  enabled: %s
                  allowed_units: [nginx]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  verification_delay: 0s
                  targets:
                    web-1: {}
                """.formatted(enabled, systemctl.path(), systemctl.path()));
        return systemctl;
    }

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of(extra));
        a.addAll(List.of("--config", dir.resolve("agent.yaml").toString(), "--logs-dir", dir.resolve("logs").toString()));
        return a.toArray(String[]::new);
    }

    @Test
    void restartServiceUsesTheSameValidationGuardrailsAndAuditLogAsTheApi() throws Exception {
        RecordingCommand systemctl = config(true);
        Result dry = run(args("remediate", "restart-service", "--unit", "nginx", "--dry-run"));
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("DRY RUN", systemctl.path() + " restart nginx", "result: dry_run");
        assertThat(systemctl.calls()).isEmpty();

        Result real = run(args("remediate", "restart-service", "--unit", "nginx", "--reason", "runbook step 3"));
        assertThat(real.exit()).as(real.out() + real.err()).isZero();
        assertThat(real.out()).contains("result: success", "effective: true", "audit: ");
        assertThat(systemctl.calls()).containsExactly(List.of("restart", "nginx"), List.of("is-active", "nginx"));

        Result cooled = run(args("remediate", "restart-service", "--unit", "nginx"));
        assertThat(cooled.exit()).isEqualTo(1);
        assertThat(cooled.out()).contains("refused:", "cooldown", "may run again at");

        Result bad = run(args("remediate", "restart-service", "--unit", "../../sbin/reboot"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("params.unit");
        Result unknown = run(args("remediate", "scale-up", "--target", "db-7"));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("target 'db-7' is not a remediation target");
        Result needsAws = run(args("remediate", "scale-up", "--target", "web-1", "--dry-run"));
        assertThat(needsAws.exit()).isEqualTo(2);
        assertThat(needsAws.err()).contains("scale_up needs an auto_scaling_group or an instance_id for target web-1");
        assertThat(systemctl.calls()).hasSize(2);

        Result ok = run("audit", "verify", dir.resolve("logs").toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("OK: 5 record(s) in 1 file(s)");
    }

    @Test
    void auditVerifyReportsTheFirstBrokenLine() throws Exception {
        config(false);
        for (int i = 0; i < 3; i++) {
            assertThat(run(args("remediate", "restart-service", "--unit", "nginx")).exit()).isZero();
        }
        Path file;
        try (var files = Files.list(dir.resolve("logs"))) {
            file = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("\"result\":\"dry_run\"", "\"result\":\"success\""));
        Files.write(file, lines);

        Result broken = run("audit", "verify", file.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN: " + file + ":2: its content does not match its hash");
        Result viaConfig = run(args("audit", "verify"));
        assertThat(viaConfig.exit()).isEqualTo(1);
        Result missing = run("audit", "verify", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
    }
}
