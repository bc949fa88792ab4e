package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The cloud-init user data of both roles: valid, complete, and small enough for EC2. */
class CloudInitTest {

    /** EC2 refuses user data above 16 KiB (after base64 decoding, i.e. the gzip bytes here). */
    private static final int EC2_USER_DATA_LIMIT = 16 * 1024;

    @Test
    void monitoringUserDataWritesEveryMonitoringFileAndFitsInEc2sLimit() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        Terraform.load().locals().path("grafana_static_env").fieldNames().forEachRemaining(k -> env.put(k,
                "arn:aws:sns:eu-west-1:123456789012:smartcloudops-prod-alerts-" + "x".repeat(20)));
        Map<String, CloudInit.File> files = CloudInit.monitoringFiles(env);
        String userData = CloudInit.render("packaging/cloud-init/monitoring.yaml.tftpl", files);

        JsonNode config = check(userData, files);
        assertThat(texts(config.path("packages"))).contains("prometheus", "prometheus-alertmanager", "prometheus-node-exporter",
                "docker.io");
        assertThat(config.path("runcmd").toString()).contains("smartcloudops-grafana.service", "prometheus.service",
                "prometheus-alertmanager.service");
        assertThat(files).containsKeys("/etc/prometheus/rules/alerts.yml", "/etc/prometheus/rules/recording.yml",
                "/etc/smartcloudops/grafana/dashboards/hosts.json",
                "/etc/smartcloudops/grafana/provisioning/datasources/datasources.yaml");
        assertThat(files.get("/etc/prometheus/prometheus.yml").content()).contains("region: " + CloudInit.REGION)
                .doesNotContain("us-east-1");
        assertThat(files.get("/etc/smartcloudops/grafana.static.env").permissions()).isEqualTo("0600");
    }

    /**
     * Prometheus on the monitoring host sends its alerts to the Alertmanager there, whose receiver posts them to the agent's
     * load balancer with the webhook token that the drop-in's helper reads from SSM into the file the receiver names.
     */
    @Test
    void monitoringHostsAlertmanagerPostsToTheAgentWithTheWebhookTokenFromSsm() throws Exception {
        Terraform tf = Terraform.load();
        String monitoringTf = Repo.read("terraform/monitoring.tf");
        // replace() changes nothing when its first argument is not in the file: both must be there, verbatim
        String shipped = Repo.read("monitoring/alertmanager/alertmanager.yml");
        for (String literal : List.of("http://127.0.0.1:8080/webhooks/alertmanager", "/etc/alertmanager/smartcloudops-webhook-token")) {
            assertThat(monitoringTf).contains("\"" + literal + "\"");
            assertThat(shipped).contains(literal);
        }
        assertThat(monitoringTf).contains("\"${local.agent_url}/webhooks/alertmanager\"", "local.alertmanager_token_file,");
        assertThat(tf.locals().path("alertmanager_token_file").asText()).isEqualTo(CloudInit.ALERTMANAGER_TOKEN_FILE);

        JsonNode hook = Yaml.parse(CloudInit.alertmanagerYaml()).path("receivers").get(0).path("webhook_configs").get(0);
        assertThat(hook.path("url").asText()).isEqualTo(CloudInit.AGENT_URL + "/webhooks/alertmanager");
        String tokenFile = hook.path("http_config").path("authorization").path("credentials_file").asText();
        assertThat(tokenFile).isEqualTo(CloudInit.ALERTMANAGER_TOKEN_FILE);

        // the helper writes that file inside the runtime directory systemd makes for Alertmanager's user
        String dropIn = Repo.read("packaging/cloud-init/monitoring/prometheus-alertmanager.conf");
        Matcher runtime = Pattern.compile("(?m)^RuntimeDirectory=(\\S+)$").matcher(dropIn);
        assertThat(runtime.find()).as(dropIn).isTrue();
        assertThat(tokenFile).startsWith("/run/" + runtime.group(1) + "/");
        assertThat(dropIn).contains("RuntimeDirectoryMode=0700", "EnvironmentFile=/etc/smartcloudops/alertmanager-token.env",
                "ExecStartPre=/usr/local/lib/smartcloudops/alertmanager-token");
        assertThat(monitoringTf).contains("\"SMARTCLOUDOPS_WEBHOOK_TOKEN_FILE=${local.alertmanager_token_file}\\n\"",
                "\"SMARTCLOUDOPS_WEBHOOK_TOKEN_PARAM=${aws_ssm_parameter.secret[\"api/webhook_token\"].name}\\n\"");
        String helper = Repo.read("packaging/cloud-init/monitoring/alertmanager-token");
        assertThat(helper).contains("os.environ[\"SMARTCLOUDOPS_WEBHOOK_TOKEN_FILE\"]", "os.environ[\"SMARTCLOUDOPS_WEBHOOK_TOKEN_PARAM\"]",
                "WithDecryption=True", "os.umask(0o077)");

        // Alertmanager on loopback only, without a cluster port; Prometheus sends to it
        assertThat(Repo.read("packaging/cloud-init/monitoring/prometheus-alertmanager.default"))
                .contains("--web.listen-address=127.0.0.1:9093", "--cluster.listen-address=\"");
        JsonNode alerting = Yaml.file("monitoring/prometheus/prometheus.yml").path("alerting").path("alertmanagers").get(0);
        assertThat(alerting.path("static_configs").get(0).path("targets").get(0).asText()).isEqualTo("127.0.0.1:9093");
    }

    @Test
    void applicationUserDataInstallsTheAgentAndNodeExporter() throws Exception {
        Map<String, CloudInit.File> files = CloudInit.applicationFiles();
        String userData = CloudInit.render("packaging/cloud-init/application.yaml.tftpl", files);
        JsonNode config = check(userData, files);
        assertThat(texts(config.path("packages"))).contains("openjdk-25-jre-headless", "prometheus-node-exporter");
        assertThat(config.path("runcmd").toString()).contains("/usr/local/lib/smartcloudops/install-agent",
                "prometheus-node-exporter.service");
        JsonNode agentYaml = Yaml.parse(files.get("/etc/smartcloudops/agent.yaml").content());
        assertThat(agentYaml.path("server").path("bind").asText()).isEqualTo("0.0.0.0:8080");
        assertThat(agentYaml.path("source").path("spec").asText()).isEqualTo("prometheus:http://10.0.1.23:9090");
        assertThat(agentYaml.path("logs").path("dir").asText()).isEqualTo("/var/lib/smartcloudops/logs");
        JsonNode remediation = agentYaml.path("remediation");
        assertThat(remediation.path("enabled").asBoolean(true)).as("dry run until an operator enables it").isFalse();
        assertThat(remediation.path("executor").asText()).isEqualTo("aws");
        assertThat(remediation.path("instance_id_targets").asBoolean()).isTrue();
        assertThat(remediation.path("allowed_units")).extracting(JsonNode::asText)
                .containsExactly("nginx", "prometheus-node-exporter");
    }

    /** Terraform passes exactly these template variables; a ${...} it does not pass fails the plan. */
    @Test
    void templatesUseOnlyTheVariablesTerraformPasses() {
        assertThat(templateVariables("packaging/cloud-init/monitoring.yaml.tftpl")).containsExactly("write_files");
        assertThat(templateVariables("packaging/cloud-init/application.yaml.tftpl")).containsExactly("write_files");
        assertThat(templateVariables("packaging/cloud-init/agent.yaml.tftpl"))
                .containsExactlyInAnyOrder("prometheus_url", "allowed_units");
        String app = Repo.read("terraform/application.tf");
        assertThat(app).contains("prometheus_url = \"http://${aws_instance.monitoring.private_ip}:9090\"")
                .contains("allowed_units  = jsonencode(var.restart_allowed_services)");
    }

    /** Every file(), templatefile() and fileset() path in terraform/ points at something that exists. */
    @Test
    void everyFileTerraformReadsExists() throws Exception {
        JsonNode locals = Terraform.load().locals();
        Map<String, String> dirs = Map.of(
                "${local.monitoring_dir}", locals.path("monitoring_dir").asText(),
                "${local.host_files_dir}", locals.path("host_files_dir").asText());
        Pattern ref = Pattern.compile("(file|templatefile|fileset)\\(\"([^\"]+)\"");
        int checked = 0;
        try (var tfFiles = Files.list(Repo.path("terraform"))) {
            for (Path tf : tfFiles.filter(p -> p.toString().endsWith(".tf")).toList()) {
                Matcher m = ref.matcher(Files.readString(tf));
                while (m.find()) {
                    String path = m.group(2);
                    for (var d : dirs.entrySet()) {
                        path = path.replace(d.getKey(), d.getValue());
                    }
                    path = path.replace("${path.module}", Repo.path("terraform").toString());
                    if (path.contains("${")) {
                        continue; // inside a for expression over fileset(): the fileset's directory is checked
                    }
                    Path resolved = Path.of(path).normalize();
                    if (m.group(1).equals("fileset")) {
                        assertThat(resolved).as(tf.getFileName() + ": " + m.group(0)).isDirectoryContaining(p -> true);
                    } else {
                        assertThat(resolved).as(tf.getFileName() + ": " + m.group(0)).isRegularFile();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(8);
    }

    private static JsonNode check(String userData, Map<String, CloudInit.File> files) throws IOException {
        assertThat(userData).startsWith("#cloud-config\n");
        int gzipped = CloudInit.gzip(userData.getBytes(StandardCharsets.UTF_8)).length;
        assertThat(gzipped).as("gzip-compressed user data size (EC2 limit %d)", EC2_USER_DATA_LIMIT)
                .isLessThan(EC2_USER_DATA_LIMIT);

        JsonNode config = Yaml.parse(userData);
        Set<String> paths = new HashSet<>();
        for (JsonNode wf : config.path("write_files")) {
            String path = wf.path("path").asText();
            assertThat(paths.add(path)).as("written once: %s", path).isTrue();
            assertThat(wf.path("encoding").asText()).isEqualTo("gz+b64");
            byte[] raw = Base64.getDecoder().decode(wf.path("content").asText());
            String content;
            try (var in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(content).as(path).isEqualTo(files.get(path).content());
            assertThat(wf.path("permissions").asText()).matches("0[0-7]{3}");
        }
        assertThat(paths).isEqualTo(files.keySet());
        return config;
    }

    private static List<String> templateVariables(String template) {
        List<String> vars = new ArrayList<>();
        Matcher m = Pattern.compile("(?<!\\$)\\$\\{([^}]+)}").matcher(Repo.read(template));
        while (m.find()) {
            vars.add(m.group(1).trim());
        }
        return vars;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
