package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** monitoring/prometheus checked by Prometheus's own promtool, plus what the deployment relies on. */
class PrometheusRulesTest {

    private static final Path DIR = Repo.path("monitoring/prometheus");

    @Test
    void promtoolAcceptsBothConfigs() {
        for (String config : List.of("prometheus.yml", "prometheus.local.yml")) {
            Exec.Result r = promtool("check", "config", config);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.output()).contains("2 rule files found");
        }
    }

    @Test
    void promtoolAcceptsTheRules() {
        Exec.Result r = promtool("check", "rules", "rules/alerts.yml", "rules/recording.yml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void alertUnitTestsPass() {
        Exec.Result r = promtool("test", "rules", "tests/alerts.test.yml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void theIssuesAlertsExistWithTheirDurations() {
        Map<String, JsonNode> alerts = new HashMap<>();
        Yaml.file("monitoring/prometheus/rules/alerts.yml").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> alerts.put(r.path("alert").asText(), r)));
        assertThat(alerts).containsKeys("HighCpu", "HostDown", "DiskAlmostFull", "MemoryPressure", "AnomalyCritical");
        assertThat(alerts.get("HighCpu").path("for").asText()).isEqualTo("3m");
        assertThat(alerts.get("AnomalyCritical").path("expr").asText()).contains("smartcloudops_anomalies_total");
        alerts.forEach((name, rule) -> {
            assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
        });
    }

    @Test
    void ec2DiscoveryFindsTheApplicationHostsByTag() {
        JsonNode config = Yaml.file("monitoring/prometheus/prometheus.yml");
        Map<String, JsonNode> jobs = jobs(config);
        assertThat(jobs).containsKeys("node", "smartcloudops-agent", "prometheus");
        for (String job : List.of("node", "smartcloudops-agent")) {
            JsonNode sd = jobs.get(job).path("ec2_sd_configs").get(0);
            Map<String, String> filters = new HashMap<>();
            sd.path("filters").forEach(f -> filters.put(f.path("name").asText(), f.path("values").get(0).asText()));
            assertThat(filters).containsEntry("tag:Project", "smartcloudops").containsEntry("tag:Role", "application")
                    .containsEntry("instance-state-name", "running");
            List<String> relabels = new ArrayList<>();
            jobs.get(job).path("relabel_configs").forEach(r -> relabels.add(
                    r.path("source_labels").get(0).asText() + ">" + r.path("target_label").asText()
                            + ">" + r.path("replacement").asText()));
            assertThat(relabels).contains("__meta_ec2_instance_id>instance>");
            String port = job.equals("node") ? "9100" : "8080";
            assertThat(relabels).contains("__meta_ec2_private_ip>__address__>$1:" + port);
        }
        // terraform/monitoring.tf replaces this exact text with the deployment's region.
        assertThat(Repo.read("monitoring/prometheus/prometheus.yml")).contains("region: us-east-1");
        assertThat(Repo.read("terraform/monitoring.tf")).contains("\"region: us-east-1\"");
    }

    @Test
    void localVariantScrapesTheDefaultLoopbackPortsThatRunShRewrites() {
        Map<String, JsonNode> jobs = jobs(Yaml.file("monitoring/prometheus/prometheus.local.yml"));
        assertThat(target(jobs.get("node"))).isEqualTo("127.0.0.1:9100");
        assertThat(target(jobs.get("smartcloudops-agent"))).isEqualTo("127.0.0.1:8080");
        assertThat(target(jobs.get("prometheus"))).isEqualTo("127.0.0.1:9090");
        String runSh = Repo.read("monitoring/local/run.sh");
        assertThat(runSh).contains("127\\.0\\.0\\.1:9100", "127\\.0\\.0\\.1:8080", "127\\.0\\.0\\.1:9090");
    }

    private static String target(JsonNode job) {
        return job.path("static_configs").get(0).path("targets").get(0).asText();
    }

    private static Map<String, JsonNode> jobs(JsonNode config) {
        Map<String, JsonNode> jobs = new HashMap<>();
        config.path("scrape_configs").forEach(j -> jobs.put(j.path("job_name").asText(), j));
        return jobs;
    }

    private static Exec.Result promtool(String... args) {
        Path promtool = Tools.require("promtool", "Debian package prometheus");
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        return Exec.run(DIR, Duration.ofSeconds(60), command);
    }
}
