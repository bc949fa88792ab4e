package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** yamllint (Debian) over the workflows, monitoring/, packaging/ and the other YAML files of this issue. */
class YamlLintTest {

    @Test
    void workflowsMonitoringAndCloudInitPassYamllintStrict() throws IOException {
        Path yamllint = Tools.require("yamllint", "Debian package yamllint");
        List<String> files = new ArrayList<>();
        for (String dir : List.of(".github/workflows", "monitoring", "packaging")) {
            try (Stream<Path> walk = Files.walk(Repo.path(dir))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(ya?ml|yaml\\.tftpl)$"))
                        .forEach(p -> files.add(Repo.root().relativize(p).toString()));
            }
        }
        files.add(".yamllint.yml");
        assertThat(files).contains(".github/workflows/ci.yml", ".github/workflows/infra.yml",
                ".github/workflows/agent-image.yml", ".github/workflows/release.yml",
                ".github/workflows/security.yml", "monitoring/prometheus/prometheus.yml",
                "packaging/cloud-init/monitoring.yaml.tftpl");

        List<String> command = new ArrayList<>(List.of(yamllint.toString(), "--strict", "-c", ".yamllint.yml"));
        command.addAll(files);
        Exec.Result r = Exec.run(Repo.root(), Duration.ofSeconds(60), command);
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void workflowsRunTheChecksTheIssueNames() {
        String infra = Repo.read(".github/workflows/infra.yml");
        assertThat(infra).contains("terraform fmt -check -recursive", "terraform init -backend=false",
                "terraform validate", "tflint", "trivy");
        assertThat(Repo.read(".github/workflows/ci.yml")).contains("pull_request", "upload-artifact", "./test.sh");
        assertThat(Repo.read(".github/workflows/agent-image.yml")).contains("tags:", "file: agent/Dockerfile", "push: true");
        assertThat(Repo.read(".github/workflows/release.yml")).contains("jpackage", "deb", "dmg", "msi");
        assertThat(Repo.read(".github/workflows/security.yml")).contains("codeql-action/init", "scan-type: fs");
        // Every workflow parses and declares its triggers and least-privilege token permissions.
        for (String wf : List.of("ci", "infra", "agent-image", "release", "security")) {
            var yaml = Yaml.file(".github/workflows/" + wf + ".yml");
            assertThat(yaml.has("on")).as(wf).isTrue();
            assertThat(yaml.has("permissions")).as(wf).isTrue();
            assertThat(yaml.path("jobs").size()).as(wf).isPositive();
        }
    }
}
