package io.smartcloudops.infra;

import static io.smartcloudops.infra.Terraform.block;
import static io.smartcloudops.infra.Terraform.blockList;
import static io.smartcloudops.infra.Terraform.expr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** terraform/ read with HashiCorp's HCL parser; each test is one rule of issue 7. */
class TerraformTest {

    private static Terraform tf;

    @BeforeAll
    static void parse() throws Exception {
        tf = Terraform.load();
    }

    @Test
    void vpcIsTenZeroSlashSixteenWithTwoPublicSubnetsInTwoZones() {
        assertThat(tf.variables().get("vpc_cidr").path("default").asText()).isEqualTo("10.0.0.0/16");
        assertThat(expr(tf.resource("aws_vpc", "main").path("cidr_block"))).isEqualTo("var.vpc_cidr");

        JsonNode subnet = tf.resource("aws_subnet", "public");
        assertThat(subnet.path("count").asInt()).isEqualTo(2);
        assertThat(expr(subnet.path("cidr_block"))).isEqualTo("var.public_subnet_cidrs[count.index]");
        assertThat(expr(subnet.path("availability_zone"))).isEqualTo("local.azs[count.index]");
        assertThat(expr(tf.locals().path("azs")))
                .isEqualTo("slice(data.aws_availability_zones.available.names, 0, 2)");

        List<String> cidrs = new ArrayList<>();
        tf.variables().get("public_subnet_cidrs").path("default").forEach(c -> cidrs.add(c.asText()));
        assertThat(cidrs).hasSize(2).doesNotHaveDuplicates();
        Cidr vpc = Cidr.parse("10.0.0.0/16");
        for (String c : cidrs) {
            assertThat(vpc.contains(Cidr.parse(c))).as("%s inside the VPC", c).isTrue();
        }
        assertThat(Cidr.parse(cidrs.get(0)).overlaps(Cidr.parse(cidrs.get(1)))).isFalse();

        JsonNode route = block(tf.resource("aws_route_table", "public"), "route");
        assertThat(route.path("cidr_block").asText()).isEqualTo("0.0.0.0/0");
        assertThat(expr(route.path("gateway_id"))).isEqualTo("aws_internet_gateway.main.id");
        assertThat(tf.resource("aws_route_table_association", "public").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void defaultSecurityGroupHasNoRules() {
        JsonNode def = tf.resource("aws_default_security_group", "default");
        assertThat(expr(def.path("vpc_id"))).isEqualTo("aws_vpc.main.id");
        assertThat(def.has("ingress")).isFalse();
        assertThat(def.has("egress")).isFalse();
    }

    /** Each ingress rule as "group port source", with the sources resolved to what they mean. */
    @Test
    void everyIngressRuleOpensOnePortToTheRoleThatNeedsIt() {
        assertThat(tf.allResources()).doesNotContainKey("aws_security_group_rule");
        tf.resources("aws_security_group").forEach((name, sg) ->
                assertThat(sg.has("ingress") || sg.has("egress")).as("inline rules in %s", name).isFalse());

        Set<String> actual = new TreeSet<>();
        tf.resources("aws_vpc_security_group_ingress_rule").forEach((name, rule) -> {
            assertThat(rule.path("ip_protocol").asText()).as(name).isEqualTo("tcp");
            int from = port(rule.path("from_port"));
            assertThat(port(rule.path("to_port"))).as("%s opens a single port", name).isEqualTo(from);
            assertThat(rule.path("description").asText()).as("%s has a description", name).isNotBlank();
            actual.add(group(rule.path("security_group_id")) + " " + from + " " + source(name, rule));
        });

        assertThat(actual).containsExactlyInAnyOrder(
                "agent_lb 80 admin_cidrs",
                "agent_lb 443 admin_cidrs",
                "agent_lb 80 monitoring-eip/32",
                "agent_lb 443 monitoring-eip/32",
                "monitoring 3000 admin_cidrs",
                "monitoring 9090 admin_cidrs",
                "monitoring 9090 sg:application",
                "monitoring 22 ssh_cidrs",
                "application 8080 sg:agent_lb",
                "application 8080 sg:monitoring",
                "application 9100 sg:monitoring",
                "application 22 ssh_cidrs");
    }

    @Test
    void adminAndSshCidrsCannotBeTheWholeInternet() {
        JsonNode admin = tf.variables().get("admin_cidrs");
        assertThat(admin.has("default")).as("admin_cidrs has no default").isFalse();
        assertThat(expr(block(admin, "validation").path("condition"))).contains("0.0.0.0/0");

        JsonNode ssh = tf.variables().get("ssh_cidrs");
        assertThat(ssh.path("default")).as("no SSH by default: Session Manager").isEmpty();
        assertThat(expr(block(ssh, "validation").path("condition"))).contains("0.0.0.0/0");
        assertThat(tf.variables().get("ssh_key_name").path("default").isNull()).isTrue();
    }

    @Test
    void egressToTheInternetIsOnlyWebAndMail() {
        tf.resources("aws_vpc_security_group_egress_rule").forEach((name, rule) -> {
            if (!rule.has("cidr_ipv4")) {
                assertThat(rule.has("referenced_security_group_id")).as(name).isTrue();
            } else if (name.equals("monitoring_smtp")) {
                // The one variable port: SMTP, and only when a relay is configured.
                assertThat(expr(rule.path("count"))).contains("var.grafana_smtp_host");
                assertThat(expr(rule.path("from_port"))).isEqualTo("local.smtp_port");
            } else {
                assertThat(port(rule.path("from_port"))).as(name).isIn(80, 443);
            }
        });
    }

    @Test
    void instancesRequireImdsV2() {
        List<JsonNode> options = new ArrayList<>();
        tf.resources("aws_instance").values().forEach(i -> options.add(block(i, "metadata_options")));
        tf.resources("aws_launch_template").values().forEach(t -> options.add(block(t, "metadata_options")));
        assertThat(options).hasSize(2);
        for (JsonNode o : options) {
            assertThat(o.path("http_tokens").asText()).isEqualTo("required");
            assertThat(o.path("http_endpoint").asText()).isEqualTo("enabled");
            assertThat(o.path("http_put_response_hop_limit").asInt()).isEqualTo(1);
        }
    }

    @Test
    void everyVolumeIsEncrypted() {
        tf.resources("aws_instance").forEach((name, i) -> {
            assertThat(block(i, "root_block_device").path("encrypted").asBoolean()).as(name).isTrue();
            blockList(i, "ebs_block_device").forEach(b -> assertThat(b.path("encrypted").asBoolean()).isTrue());
        });
        tf.resources("aws_launch_template").forEach((name, t) -> {
            List<JsonNode> mappings = blockList(t, "block_device_mappings");
            assertThat(mappings).as(name).isNotEmpty();
            mappings.forEach(m -> assertThat(block(m, "ebs").path("encrypted").asBoolean()).as(name).isTrue());
        });
        tf.resources("aws_ebs_volume").forEach((name, v) ->
                assertThat(v.path("encrypted").asBoolean()).as(name).isTrue());
        assertThat(tf.resource("aws_sns_topic", "alerts").path("kms_master_key_id").asText()).isNotBlank();
    }

    @Test
    void amiComesFromADataSourceNotALiteral() throws IOException {
        assertThat(tf.data("aws_ami")).containsKey("ubuntu");
        assertThat(block(tf.data("aws_ami").get("ubuntu"), "filter").isObject()).isTrue();
        tf.resources("aws_instance").values().forEach(i ->
                assertThat(expr(i.path("ami"))).isEqualTo("data.aws_ami.ubuntu.id"));
        tf.resources("aws_launch_template").values().forEach(t ->
                assertThat(expr(t.path("image_id"))).isEqualTo("data.aws_ami.ubuntu.id"));
        try (Stream<Path> files = Files.list(Repo.path("terraform"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tf")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern("ami-[0-9a-f]{8,}");
            }
        }
    }

    @Test
    void everythingIsTagged() {
        JsonNode provider = tf.merged.path("provider").path("aws").get(0);
        assertThat(expr(block(provider, "default_tags").path("tags"))).isEqualTo("local.common_tags");
        String common = expr(tf.locals().path("common_tags"));
        assertThat(common).contains("Project", "local.project", "Environment", "ManagedBy");
        assertThat(tf.locals().path("project").asText()).isEqualTo("smartcloudops");

        // Auto Scaling groups and launch templates do not take default_tags onto instances.
        JsonNode asgTag = tf.resource("aws_autoscaling_group", "application").path("dynamic").path("tag").get(0);
        assertThat(expr(asgTag.path("for_each"))).contains("local.common_tags", "Role");
        assertThat(block(asgTag, "content").path("propagate_at_launch").asBoolean()).isTrue();
        Set<String> tagged = new HashSet<>();
        blockList(tf.resource("aws_launch_template", "application"), "tag_specifications").forEach(ts -> {
            tagged.add(ts.path("resource_type").asText());
            assertThat(expr(ts.path("tags"))).contains("local.common_tags");
        });
        assertThat(tagged).contains("instance", "volume");
    }

    @Test
    void everyVariableIsTypedAndDescribedAndEveryOutputDescribed() {
        assertThat(tf.variables()).hasSizeGreaterThan(10);
        tf.variables().forEach((name, v) -> {
            assertThat(v.path("type").asText()).as("type of %s", name).isNotBlank();
            assertThat(v.path("description").asText()).as("description of %s", name).hasSizeGreaterThan(10);
        });
        tf.outputs().forEach((name, o) ->
                assertThat(o.path("description").asText()).as("description of output %s", name).isNotBlank());
        assertThat(tf.outputs()).containsKeys("grafana_url", "prometheus_url", "agent_url", "console_connection");
        assertThat(tf.variables().get("region").path("default").asText()).isEqualTo("us-east-1");
    }

    @Test
    void noWriteActionIsAllowedOnEveryResource() {
        Map<String, JsonNode> docs = tf.data("aws_iam_policy_document");
        assertThat(docs).isNotEmpty();
        Pattern readOnly = Pattern.compile("^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*$");
        docs.forEach((doc, body) -> blockList(body, "statement").forEach(st -> {
            assertThat(st.path("effect").asText("Allow")).isEqualTo("Allow");
            List<String> actions = texts(st.path("actions"));
            actions.forEach(a -> assertThat(a).as("wildcard action in %s", doc).doesNotContain("*"));
            if (texts(st.path("resources")).contains("*")) {
                assertThat(actions).as("actions on \"*\" in %s", doc).allMatch(a -> readOnly.matcher(a).matches());
            }
            assertThat(st.has("not_actions") || st.has("not_resources")).isFalse();
        }));
        // Inline policies only come from those documents; no broad managed policy on an instance role.
        tf.resources("aws_iam_role_policy").forEach((name, p) ->
                assertThat(expr(p.path("policy"))).as(name).matches("data\\.aws_iam_policy_document\\.\\w+\\.json"));
        tf.resources("aws_iam_role_policy_attachment").forEach((name, a) ->
                assertThat(expr(a.path("role"))).as(name).doesNotContain("aws_iam_role.application", "aws_iam_role.monitoring"));
        tf.resources("aws_iam_role").forEach((name, r) -> assertThat(r.has("managed_policy_arns")).isFalse());
    }

    @Test
    void applicationRoleHasExactlyTheIssuesPermissions() {
        Map<String, List<String>> writes = new HashMap<>();
        Map<String, JsonNode> bySid = new HashMap<>();
        statementsOfRole("aws_iam_role.application").forEach(st -> {
            bySid.put(st.path("sid").asText(), st);
            for (String a : texts(st.path("actions"))) {
                if (!a.matches("^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*$")) {
                    writes.computeIfAbsent(a, k -> new ArrayList<>()).addAll(texts(st.path("resources")));
                }
            }
        });
        assertThat(writes).containsOnlyKeys("ssm:SendCommand", "autoscaling:SetDesiredCapacity", "sns:Publish");
        assertThat(writes.get("ssm:SendCommand")).containsExactlyInAnyOrder(
                "${aws_ssm_document.restart_service.arn}",
                "arn:${local.partition}:ec2:${var.region}:${local.account_id}:instance/*");
        JsonNode onInstances = bySid.get("OnProjectInstances");
        JsonNode condition = block(onInstances, "condition");
        assertThat(condition.path("test").asText()).isEqualTo("StringEquals");
        assertThat(condition.path("variable").asText()).isEqualTo("ssm:resourceTag/Project");
        assertThat(texts(condition.path("values"))).containsExactly("${local.project}");
        assertThat(writes.get("autoscaling:SetDesiredCapacity")).containsExactly("${aws_autoscaling_group.application.arn}");
        assertThat(writes.get("sns:Publish")).containsExactly("${aws_sns_topic.alerts.arn}");

        JsonNode params = bySid.get("ReadOwnParameters");
        assertThat(texts(params.path("resources")))
                .containsExactlyInAnyOrder("${local.ssm_parameter_arn}", "${local.ssm_parameter_arn}/*");
        assertThat(tf.locals().path("ssm_parameter_arn").asText()).endsWith(":parameter${local.ssm_parameter_prefix}");
        assertThat(tf.locals().path("ssm_parameter_prefix").asText()).isEqualTo("/${local.project}");
    }

    @Test
    void monitoringRoleCanDiscoverInstancesAndNothingBeyondGrafanasAndAlertmanagersResources() {
        Map<String, List<String>> grants = new HashMap<>();
        statementsOfRole("aws_iam_role.monitoring").forEach(st -> texts(st.path("actions")).forEach(a ->
                grants.computeIfAbsent(a, k -> new ArrayList<>()).addAll(texts(st.path("resources")))));
        assertThat(grants).containsOnlyKeys(
                "ec2:DescribeInstances", "ec2:DescribeAvailabilityZones", "sns:Publish", "ssm:GetParameter");
        assertThat(grants.get("sns:Publish")).containsExactly("${aws_sns_topic.alerts.arn}");
        assertThat(grants.get("ssm:GetParameter")).containsExactlyInAnyOrder(
                "${aws_ssm_parameter.secret[\"api/viewer_token\"].arn}", "${aws_ssm_parameter.secret[\"api/webhook_token\"].arn}");
    }

    @Test
    void secretsAreSecureStringsWhoseValuesTerraformNeverManages() {
        JsonNode secret = tf.resource("aws_ssm_parameter", "secret");
        assertThat(secret.path("type").asText()).isEqualTo("SecureString");
        assertThat(texts(block(secret, "lifecycle").path("ignore_changes"))).containsExactly("${value}");
        assertThat(secret.path("value").asText()).isEqualTo("CHANGE_ME");
        assertThat(expr(secret.path("for_each"))).isEqualTo("local.secret_parameters");
        List<String> names = new ArrayList<>();
        tf.locals().path("secret_parameters").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("openai/api_key", "api/viewer_token", "api/operator_token",
                "api/webhook_token");
        assertThat(secret.path("name").asText()).isEqualTo("${local.ssm_parameter_prefix}/${each.key}");
    }

    @Test
    void restartDocumentTakesTheUnitOnlyFromAnAllowListAndAnEnvironmentVariable() {
        String content = expr(tf.resource("aws_ssm_document", "restart_service").path("content"));
        assertThat(content).contains("allowedValues     = var.restart_allowed_services",
                "interpolationType = \"ENV_VAR\"", "aws:runShellScript");
        assertThat(content).as("no {{ }} parameter pasted into the script").doesNotContain("{{");
        assertThat(RestartDocument.script(tf)).contains("\"$unit.service\"");
    }

    @Test
    void snsTopicHasAnEmailSubscription() {
        JsonNode sub = tf.resource("aws_sns_topic_subscription", "alert_email");
        assertThat(sub.path("protocol").asText()).isEqualTo("email");
        assertThat(expr(sub.path("endpoint"))).isEqualTo("var.alert_email");
        assertThat(expr(sub.path("topic_arn"))).isEqualTo("aws_sns_topic.alerts.arn");
    }

    @Test
    void applicationGroupStartsAtOneAndScalesToTheConfiguredMaximum() {
        JsonNode asg = tf.resource("aws_autoscaling_group", "application");
        assertThat(asg.path("min_size").asInt()).isEqualTo(1);
        assertThat(asg.path("desired_capacity").asInt()).isEqualTo(1);
        assertThat(expr(asg.path("max_size"))).isEqualTo("var.application_max_size");
        assertThat(expr(asg.path("vpc_zone_identifier"))).isEqualTo("aws_subnet.public[*].id");
        assertThat(texts(block(asg, "lifecycle").path("ignore_changes"))).contains("${desired_capacity}");
        assertThat(expr(block(asg, "launch_template").path("id"))).isEqualTo("aws_launch_template.application.id");
    }

    @Test
    void loadBalancerDoesNotServeMetrics() {
        JsonNode rule = tf.resource("aws_lb_listener_rule", "hide_metrics");
        assertThat(texts(block(block(rule, "condition"), "path_pattern").path("values"))).contains("/metrics");
        assertThat(block(rule, "action").path("type").asText()).isEqualTo("fixed-response");
        assertThat(tf.resource("aws_lb_target_group", "agent").path("port").asText()).isEqualTo("${local.agent_port}");
        assertThat(block(tf.resource("aws_lb_target_group", "agent"), "health_check").path("path").asText())
                .isEqualTo("/healthz");
    }

    @Test
    void withHttpsTheAgentUrlIsTheNameTheCertificateCovers() {
        assertThat(expr(tf.locals().path("agent_url")))
                .isEqualTo("local.https_enabled ? \"https://${var.agent_domain_name}\" : \"http://${aws_lb.agent.dns_name}\"");
        JsonNode precondition = block(block(tf.resource("aws_lb_listener", "agent_https"), "lifecycle"), "precondition");
        assertThat(expr(precondition.path("condition"))).isEqualTo("var.agent_domain_name != null");
        assertThat(precondition.path("error_message").asText()).contains("agent_domain_name");

        JsonNode record = tf.resource("aws_route53_record", "agent");
        assertThat(expr(record.path("name"))).isEqualTo("var.agent_domain_name");
        assertThat(expr(block(record, "alias").path("name"))).isEqualTo("aws_lb.agent.dns_name");

        String condition = expr(block(tf.variables().get("agent_domain_name"), "validation").path("condition"));
        var m = Pattern.compile("regex\\(\"(.*)\", var\\.agent_domain_name\\)").matcher(condition);
        assertThat(m.find()).as(condition).isTrue();
        Pattern dnsName = Pattern.compile(m.group(1).replace("\\\\", "\\"));
        assertThat(dnsName.matcher("agent.example.com").matches()).isTrue();
        assertThat(dnsName.matcher("ops-agent.eu.example.co.uk").matches()).isTrue();
        for (String bad : List.of("https://agent.example.com", "agent.example.com:443", "agent.example.com/x", "localhost", "-a.example.com")) {
            assertThat(dnsName.matcher(bad).matches()).as(bad).isFalse();
        }
    }

    @Test
    void backendExampleKeepsStateInS3WithLocking() {
        JsonNode s3 = block(block(block(tf.files.get("backend.tf.example"), "terraform"), "backend"), "s3");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean() || s3.has("dynamodb_table")).isTrue();
        assertThat(s3.path("key").asText()).isNotBlank();
    }

    @Test
    void providerAndTerraformVersionsArePinned() {
        JsonNode terraform = tf.merged.path("terraform").get(0);
        assertThat(terraform.path("required_version").asText()).startsWith(">=");
        JsonNode aws = block(terraform, "required_providers").path("aws");
        assertThat(aws.path("source").asText()).isEqualTo("hashicorp/aws");
        assertThat(aws.path("version").asText()).contains("<");
    }

    // ---- helpers -------------------------------------------------------------------

    private static List<JsonNode> statementsOfRole(String roleRef) {
        List<JsonNode> out = new ArrayList<>();
        tf.resources("aws_iam_role_policy").values().forEach(p -> {
            if (expr(p.path("role")).startsWith(roleRef + ".")) {
                String doc = expr(p.path("policy")).replaceAll("^data\\.aws_iam_policy_document\\.(\\w+)\\.json$", "$1");
                out.addAll(blockList(tf.data("aws_iam_policy_document").get(doc), "statement"));
            }
        });
        assertThat(out).as("statements of %s", roleRef).isNotEmpty();
        return out;
    }

    private static int port(JsonNode value) {
        if (value.isNumber()) {
            return value.asInt();
        }
        String e = expr(value);
        if (e.startsWith("local.")) {
            JsonNode local = tf.locals().path(e.substring("local.".length()));
            if (local.isNumber()) {
                return local.asInt();
            }
        }
        return -1;
    }

    private static String group(JsonNode ref) {
        return expr(ref).replaceAll("^aws_security_group\\.(\\w+)\\.id$", "$1");
    }

    private static String source(String name, JsonNode rule) {
        if (rule.has("referenced_security_group_id")) {
            return "sg:" + group(rule.path("referenced_security_group_id"));
        }
        String cidr = rule.path("cidr_ipv4").asText();
        if (cidr.equals("${each.value}")) {
            String forEach = expr(rule.path("for_each"));
            if (forEach.contains("var.admin_cidrs")) {
                return "admin_cidrs";
            }
            if (forEach.contains("var.ssh_cidrs")) {
                return "ssh_cidrs";
            }
            return "unknown for_each " + forEach;
        }
        if (cidr.equals("${aws_eip.monitoring.public_ip}/32")) {
            return "monitoring-eip/32";
        }
        assertThat(rule.has("cidr_ipv6")).as("%s: no IPv6 ingress", name).isFalse();
        return cidr;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
