package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shell scripts, the systemd unit and the Python helper the deployment installs. */
class ScriptsTest {

    @Test
    void shellScriptsPassShellcheck() {
        Path shellcheck = Tools.require("shellcheck", "Debian package shellcheck");
        for (String script : List.of("monitoring/local/run.sh", "packaging/cloud-init/install-agent.sh",
                "packaging/bin/smartcloudops-agent", "packaging/agent-jvm-options", "packaging/jlink.sh")) {
            Exec.Result r = Exec.run(Repo.root(), Duration.ofSeconds(60), List.of(shellcheck.toString(), script));
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
    }

    @Test
    void agentUnitPassesSystemdAnalyzeVerify() {
        Path analyze = Tools.require("systemd-analyze", "Debian package systemd");
        Exec.Result r = Exec.run(Repo.root(), Duration.ofSeconds(60),
                List.of(analyze.toString(), "verify", "packaging/systemd/smartcloudops-agent.service"));
        // verify also checks that ExecStart's binary exists: the launcher, which the deployment installs.
        List<String> problems = Arrays.stream(r.output().split("\n"))
                .filter(l -> !l.isBlank())
                .filter(l -> !l.contains("/opt/smartcloudops/bin/smartcloudops-agent"))
                .toList();
        assertThat(problems).as(r.toString()).isEmpty();
        String unit = Repo.read("packaging/systemd/smartcloudops-agent.service");
        assertThat(unit).contains("User=smartcloudops", "WorkingDirectory=/var/lib/smartcloudops",
                "/opt/smartcloudops/smartcloudops-agent.jar", "--config /etc/smartcloudops/agent.yaml",
                "ReadWritePaths=/var/lib/smartcloudops", "NoNewPrivileges=yes", "CacheDirectory=smartcloudops");
        assertThat(unit).as("the heap follows the configuration, not the machine's RAM").doesNotContain("MaxRAMPercentage");
    }

    @Test
    void grafanaUnitHasNoSyntaxErrors() {
        Path analyze = Tools.require("systemd-analyze", "Debian package systemd");
        Exec.Result r = Exec.run(Repo.root(), Duration.ofSeconds(60),
                List.of(analyze.toString(), "verify", "packaging/cloud-init/monitoring/smartcloudops-grafana.service"));
        // Docker and the helper exist only on the monitoring host; anything else is a real problem.
        List<String> problems = Arrays.stream(r.output().split("\n"))
                .filter(l -> !l.isBlank())
                .filter(l -> !l.contains("docker") && !l.contains("/usr/local/lib/smartcloudops/grafana-env"))
                .toList();
        assertThat(problems).as(r.toString()).isEmpty();
    }

    @Test
    void grafanaEnvAndAlertmanagerTokenHelpersCompile() {
        Path python = Tools.require("python3", "Debian package python3");
        for (String helper : List.of("packaging/cloud-init/monitoring/grafana-env", "packaging/cloud-init/monitoring/alertmanager-token")) {
            Exec.Result r = Exec.run(Repo.root(), Duration.ofSeconds(60), List.of(python.toString(), "-c",
                    "import ast,sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])", helper));
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
    }
}
