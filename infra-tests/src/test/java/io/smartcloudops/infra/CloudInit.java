package io.smartcloudops.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The user data Terraform renders for the two roles, rebuilt in Java the way
 * terraform/monitoring.tf and terraform/application.tf build it, with representative values for
 * what only AWS knows (addresses, ARNs).
 */
final class CloudInit {

    record File(String content, String permissions) {
    }

    static final String REGION = "eu-west-1";
    /** local.agent_url: the agent's load balancer. */
    static final String AGENT_URL = "http://smartcloudops-prod-agent-1234567890.eu-west-1.elb.amazonaws.com";
    /** local.alertmanager_token_file. */
    static final String ALERTMANAGER_TOKEN_FILE = "/run/smartcloudops-alertmanager/webhook-token";

    private CloudInit() {
    }

    static Map<String, File> monitoringFiles(Map<String, String> grafanaEnv) {
        Map<String, File> files = new LinkedHashMap<>();
        files.put("/etc/prometheus/prometheus.yml", new File(
                Repo.read("monitoring/prometheus/prometheus.yml").replace("region: us-east-1", "region: " + REGION), "0644"));
        files.put("/etc/default/prometheus", new File(Repo.read("packaging/cloud-init/monitoring/prometheus.default"), "0644"));
        files.put("/etc/prometheus/alertmanager.yml", new File(alertmanagerYaml(), "0644"));
        files.put("/etc/default/prometheus-alertmanager",
                new File(Repo.read("packaging/cloud-init/monitoring/prometheus-alertmanager.default"), "0644"));
        files.put("/etc/systemd/system/prometheus-alertmanager.service.d/smartcloudops.conf",
                new File(Repo.read("packaging/cloud-init/monitoring/prometheus-alertmanager.conf"), "0644"));
        files.put("/usr/local/lib/smartcloudops/alertmanager-token",
                new File(Repo.read("packaging/cloud-init/monitoring/alertmanager-token"), "0755"));
        files.put("/etc/smartcloudops/alertmanager-token.env", new File("SMARTCLOUDOPS_AWS_REGION=" + REGION + "\n"
                + "SMARTCLOUDOPS_WEBHOOK_TOKEN_PARAM=/smartcloudops/api/webhook_token\n"
                + "SMARTCLOUDOPS_WEBHOOK_TOKEN_FILE=" + ALERTMANAGER_TOKEN_FILE + "\n", "0644"));
        files.put("/etc/default/prometheus-node-exporter",
                new File(Repo.read("packaging/cloud-init/monitoring/prometheus-node-exporter.default"), "0644"));
        files.put("/usr/local/lib/smartcloudops/grafana-env", new File(Repo.read("packaging/cloud-init/monitoring/grafana-env"), "0755"));
        files.put("/etc/systemd/system/smartcloudops-grafana.service",
                new File(Repo.read("packaging/cloud-init/monitoring/smartcloudops-grafana.service"), "0644"));
        files.put("/etc/smartcloudops/grafana-image.env", new File("GRAFANA_IMAGE=grafana/grafana-oss:11.6.0\n", "0644"));
        StringBuilder env = new StringBuilder();
        grafanaEnv.forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
        files.put("/etc/smartcloudops/grafana.static.env", new File(env.toString(), "0600"));
        dir("monitoring/prometheus/rules", ".yml").forEach((name, text) ->
                files.put("/etc/prometheus/rules/" + name, new File(text, "0644")));
        dir("monitoring/grafana/provisioning", ".yaml").forEach((name, text) ->
                files.put("/etc/smartcloudops/grafana/provisioning/" + name, new File(text, "0644")));
        // minified, as terraform/monitoring.tf writes them (jsonencode(jsondecode(...)))
        dir("monitoring/grafana/dashboards", ".json").forEach((name, text) ->
                files.put("/etc/smartcloudops/grafana/dashboards/" + name, new File(minified(text), "0644")));
        return files;
    }

    /** monitoring/alertmanager/alertmanager.yml as terraform/monitoring.tf writes it: the agent's URL and token file replaced. */
    static String alertmanagerYaml() {
        return Repo.read("monitoring/alertmanager/alertmanager.yml")
                .replace("http://127.0.0.1:8080/webhooks/alertmanager", AGENT_URL + "/webhooks/alertmanager")
                .replace("/etc/alertmanager/smartcloudops-webhook-token", ALERTMANAGER_TOKEN_FILE);
    }

    static String agentYaml(String prometheusUrl) {
        return Repo.read("packaging/cloud-init/agent.yaml.tftpl").replace("${prometheus_url}", prometheusUrl)
                .replace("${allowed_units}", "[\"nginx\", \"prometheus-node-exporter\"]");
    }

    static Map<String, File> applicationFiles() {
        Map<String, File> files = new LinkedHashMap<>();
        files.put("/etc/systemd/system/smartcloudops-agent.service",
                new File(Repo.read("packaging/systemd/smartcloudops-agent.service"), "0644"));
        files.put("/etc/smartcloudops/agent.yaml", new File(agentYaml("http://10.0.1.23:9090"), "0644"));
        files.put("/etc/smartcloudops/agent.env", new File("""
                AWS_REGION=eu-west-1
                SMARTCLOUDOPS_SNS_TOPIC_ARN=arn:aws:sns:eu-west-1:123456789012:smartcloudops-prod-alerts
                SMARTCLOUDOPS_AUTOSCALING_GROUP=smartcloudops-prod-application
                SMARTCLOUDOPS_RESTART_DOCUMENT=smartcloudops-prod-restart-service
                SMARTCLOUDOPS_SSM_PARAMETER_PREFIX=/smartcloudops
                """, "0644"));
        files.put("/etc/smartcloudops/agent-artifact.env", new File(
                "AGENT_JAR_URL='https://github.com/example/smart-cloud-ops/releases/download/v1.2.3/smartcloudops-agent.jar'\n"
                        + "AGENT_JAR_SHA256='" + "ab".repeat(32) + "'\n", "0644"));
        files.put("/usr/local/lib/smartcloudops/install-agent", new File(Repo.read("packaging/cloud-init/install-agent.sh"), "0755"));
        return files;
    }

    /** templatefile() with write_files = jsonencode([{path, encoding = "gz+b64", content = base64gzip(...), permissions}]). */
    static String render(String template, Map<String, File> files) {
        List<Map<String, String>> entries = new ArrayList<>();
        files.forEach((path, f) -> entries.add(Map.of("path", path, "encoding", "gz+b64",
                "content", Base64.getEncoder().encodeToString(gzip(f.content().getBytes(StandardCharsets.UTF_8))),
                "permissions", f.permissions())));
        try {
            String json = new ObjectMapper().writeValueAsString(entries);
            return Repo.read(template).replace("${write_files}", json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String minified(String json) {
        try {
            return new ObjectMapper().readTree(json).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Map<String, String> dir(String relative, String suffix) {
        Map<String, String> out = new LinkedHashMap<>();
        Path root = Repo.path(relative);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
