package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Grafana provisioning and dashboards agree with each other and with what the monitoring host sets. */
class GrafanaProvisioningTest {

    private static final String PROVISIONING = "monitoring/grafana/provisioning";

    @Test
    void datasourcesHaveFixedUniqueUids() {
        Map<String, String> types = datasourceTypes();
        assertThat(types).containsEntry("smartcloudops-prometheus", "prometheus")
                .containsEntry("smartcloudops-agent-api", "yesoreyeram-infinity-datasource");
    }

    @Test
    void everyQueryUsesAProvisionedDatasourceOfTheRightType() {
        Map<String, String> types = datasourceTypes();
        List<Dashboards.Query> queries = Dashboards.queries();
        assertThat(queries).hasSizeGreaterThan(20);
        for (Dashboards.Query q : queries) {
            assertThat(types).as("datasource uid of %s", q).containsKey(q.datasourceUid());
            assertThat(q.datasourceType()).as("datasource type of %s", q).isEqualTo(types.get(q.datasourceUid()));
        }
        Dashboards.all().forEach((file, d) -> Dashboards.panels(d).forEach(p -> {
            String uid = p.path("datasource").path("uid").asText();
            assertThat(types).as("panel datasource of %s / %s", file, p.path("title").asText()).containsKey(uid);
        }));
    }

    @Test
    void alertRulesQueryAProvisionedDatasource() {
        Set<String> uids = new HashSet<>(datasourceTypes().keySet());
        uids.add("__expr__");
        JsonNode rules = Yaml.file(PROVISIONING + "/alerting/rules.yaml");
        int seen = 0;
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                for (JsonNode data : rule.path("data")) {
                    assertThat(uids).contains(data.path("datasourceUid").asText());
                    seen++;
                }
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(2);
    }

    @Test
    void alertsGoToEmailAndSnsThroughTheDefaultPolicy() {
        JsonNode contactPoints = Yaml.file(PROVISIONING + "/alerting/contact-points.yaml").path("contactPoints");
        Set<String> types = new TreeSet<>();
        contactPoints.get(0).path("receivers").forEach(r -> types.add(r.path("type").asText()));
        assertThat(types).containsExactly("email", "sns");
        JsonNode sns = contactPoints.get(0).path("receivers").get(1);
        assertThat(sns.path("settings").path("topic_arn").asText()).isEqualTo("${SMARTCLOUDOPS_SNS_TOPIC_ARN}");
        String receiver = Yaml.file(PROVISIONING + "/alerting/policies.yaml").path("policies").get(0).path("receiver").asText();
        assertThat(receiver).isEqualTo(contactPoints.get(0).path("name").asText());
    }

    /** Grafana's contact point for the agent: its /webhooks/grafana, the webhook token as a bearer token, a body it accepts. */
    @Test
    void grafanasOwnAlertsGoToTheAgentsWebhookWithTheWebhookToken() {
        JsonNode agent = null;
        for (JsonNode cp : Yaml.file(PROVISIONING + "/alerting/contact-points.yaml").path("contactPoints")) {
            if (cp.path("name").asText().equals("smartcloudops-agent")) {
                agent = cp;
            }
        }
        assertThat(agent).as("contact point smartcloudops-agent").isNotNull();
        JsonNode hook = agent.path("receivers").get(0);
        assertThat(agent.path("receivers")).hasSize(1);
        assertThat(hook.path("type").asText()).isEqualTo("webhook");
        JsonNode settings = hook.path("settings");
        assertThat(settings.path("url").asText()).isEqualTo("${SMARTCLOUDOPS_AGENT_URL}/webhooks/grafana");
        assertThat(settings.path("httpMethod").asText()).isEqualTo("POST");
        assertThat(settings.path("authorization_scheme").asText()).isEqualTo("Bearer");
        assertThat(settings.path("authorization_credentials").asText()).isEqualTo("${SMARTCLOUDOPS_WEBHOOK_TOKEN}");
        assertThat(Integer.parseInt(settings.path("maxAlerts").asText())).as("under the agent's 64 KiB body limit").isBetween(1, 50);
        assertThat(hook.path("disableResolveMessage").asBoolean(true)).as("the agent resolves what Grafana resolves").isFalse();
    }

    /**
     * The default policy: alerts of Grafana's own rules go to the agent and on to email and SNS; the Prometheus alerts Grafana
     * forwards (source=prometheus) go to email and SNS only, since Alertmanager posts them to the agent already.
     */
    @Test
    void policyRoutesGrafanasOwnAlertsToTheAgentAndForwardedPrometheusAlertsNotASecondTime() {
        JsonNode policy = Yaml.file(PROVISIONING + "/alerting/policies.yaml").path("policies").get(0);
        assertThat(receivers(policy, Map.of("alertname", "DiskSlow", "instance", "i-0abc")))
                .containsExactly("smartcloudops-agent", "smartcloudops-alerts");
        assertThat(receivers(policy, Map.of("alertname", "HighCpu", "instance", "i-0abc", "source", "prometheus")))
                .containsExactly("smartcloudops-alerts");
        String forwarded = Yaml.file(PROVISIONING + "/alerting/rules.yaml").path("groups").get(0).path("rules").get(0)
                .path("labels").path("source").asText();
        assertThat(forwarded).as("the label the forwarding rule sets").isEqualTo("prometheus");
    }

    /** Alertmanager's routing over a policy's child routes: matchers (=, !=), continue, the parent's receiver when none matched. */
    private static List<String> receivers(JsonNode policy, Map<String, String> labels) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode route : policy.path("routes")) {
            boolean matches = true;
            for (JsonNode m : route.path("object_matchers")) {
                String value = labels.getOrDefault(m.get(0).asText(), "");
                boolean equal = value.equals(m.get(2).asText());
                matches &= switch (m.get(1).asText()) {
                    case "=" -> equal;
                    case "!=" -> !equal;
                    default -> throw new AssertionError("matcher not handled by this test: " + m);
                };
            }
            if (matches) {
                out.add(route.path("receiver").asText());
                if (!route.path("continue").asBoolean(false)) {
                    return out;
                }
            }
        }
        if (out.isEmpty()) {
            out.add(policy.path("receiver").asText());
        }
        return out;
    }

    @Test
    void dashboardsRefreshEveryTenSecondsAndHaveStableUids() {
        Map<String, JsonNode> all = Dashboards.all();
        assertThat(all).containsKeys("hosts.json", "smartcloudops.json");
        Set<String> uids = new HashSet<>();
        all.forEach((file, d) -> {
            assertThat(d.path("refresh").asText()).as(file).isEqualTo("10s");
            assertThat(uids.add(d.path("uid").asText())).as("unique uid in %s", file).isTrue();
            Set<Integer> ids = new HashSet<>();
            Dashboards.panels(d).forEach(p -> assertThat(ids.add(p.path("id").asInt())).as("panel id in %s", file).isTrue());
            Set<String> annotations = new HashSet<>();
            d.path("annotations").path("list").forEach(a -> annotations.add(a.path("name").asText()));
            assertThat(annotations).as(file).contains("Anomalies", "Remediation actions");
        });
        assertThat(all.get("hosts.json").path("title").asText()).isEqualTo("Hosts");
        assertThat(all.get("smartcloudops.json").path("title").asText()).isEqualTo("Smart Cloud Ops");
    }

    @Test
    void hostsDashboardShowsCpuRamAndDiskPerSelectedInstance() {
        JsonNode hosts = Dashboards.all().get("hosts.json");
        JsonNode variable = hosts.path("templating").path("list").get(0);
        assertThat(variable.path("name").asText()).isEqualTo("instance");
        assertThat(variable.path("includeAll").asBoolean()).isTrue();
        Set<String> titles = new HashSet<>();
        for (JsonNode p : Dashboards.panels(hosts)) {
            titles.add(p.path("title").asText());
            p.path("targets").forEach(t -> assertThat(t.path("expr").asText())
                    .as("panel %s filters by $instance", p.path("title").asText()).contains("$instance"));
        }
        assertThat(titles).contains("CPU used", "Memory used", "Root disk used");
    }

    @Test
    void smartCloudOpsDashboardHasTheIssuesPanels() {
        JsonNode d = Dashboards.all().get("smartcloudops.json");
        Map<String, JsonNode> byTitle = new HashMap<>();
        Dashboards.panels(d).forEach(p -> byTitle.put(p.path("title").asText(), p));
        assertThat(byTitle).containsKeys("Anomaly score per host", "Anomalies over time",
                "Remediation actions by result", "Rule states", "Anomalies (agent REST API)");
        JsonNode table = byTitle.get("Anomalies (agent REST API)").path("targets").get(0);
        assertThat(table.path("type").asText()).isEqualTo("json");
        assertThat(table.path("url").asText()).startsWith("/anomalies");
        assertThat(table.path("root_selector").asText()).isEqualTo("anomalies");
    }

    @Test
    void dashboardProviderReadsWhereTheMonitoringHostMountsTheDashboards() {
        String path = Yaml.file(PROVISIONING + "/dashboards/dashboards.yaml").path("providers").get(0)
                .path("options").path("path").asText();
        String unit = Repo.read("packaging/cloud-init/monitoring/smartcloudops-grafana.service");
        assertThat(unit).contains("/etc/smartcloudops/grafana/dashboards:" + path + ":ro",
                "/etc/smartcloudops/grafana/provisioning:/etc/grafana/provisioning:ro");
        String tf = Repo.read("terraform/monitoring.tf");
        assertThat(tf).contains("\"/etc/smartcloudops/grafana/dashboards/${f}\"",
                "\"/etc/smartcloudops/grafana/provisioning/${f}\"");
    }

    /** Every ${VAR} in provisioning is set on the monitoring host: by Terraform or by grafana-env. */
    @Test
    void everyEnvironmentVariableInProvisioningIsSetOnTheMonitoringHost() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern var = Pattern.compile("\\$\\{(\\w+)}");
        try (Stream<Path> files = Files.walk(Repo.path(PROVISIONING))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = var.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("SMARTCLOUDOPS_AGENT_URL", "SMARTCLOUDOPS_VIEWER_TOKEN", "SMARTCLOUDOPS_WEBHOOK_TOKEN");

        Set<String> set = new HashSet<>();
        Terraform.load().locals().path("grafana_static_env").fieldNames().forEachRemaining(set::add);
        assertThat(set).as("grafana_static_env in terraform/monitoring.tf").isNotEmpty();
        String script = Repo.read("packaging/cloud-init/monitoring/grafana-env");
        Matcher m = Pattern.compile("settings\\[\"(\\w+)\"] = ").matcher(script);
        while (m.find()) {
            set.add(m.group(1));
        }
        assertThat(set).containsAll(used);
    }

    private static Map<String, String> datasourceTypes() {
        Map<String, String> types = new HashMap<>();
        for (JsonNode ds : Yaml.file(PROVISIONING + "/datasources/datasources.yaml").path("datasources")) {
            assertThat(types.put(ds.path("uid").asText(), ds.path("type").asText()))
                    .as("duplicate uid %s", ds.path("uid").asText()).isNull();
        }
        return types;
    }

    static JsonNode infinityDatasource() {
        for (JsonNode ds : Yaml.file(PROVISIONING + "/datasources/datasources.yaml").path("datasources")) {
            if (ds.path("type").asText().equals("yesoreyeram-infinity-datasource")) {
                return ds;
            }
        }
        throw new AssertionError("no Infinity datasource provisioned");
    }

}
