package io.smartcloudops.agent.it;

import io.smartcloudops.agent.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.AlertmanagerProcess;
import io.smartcloudops.agent.testing.PrometheusProcess;
import io.smartcloudops.agent.testing.SteadyExporter;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way in, with Debian's Prometheus and Alertmanager on loopback (1 s evaluation, 1 s grouping):
 * a real Prometheus rule fires, Alertmanager posts it to the agent's webhook with the webhook token, the agent
 * lists it, a rule ({@code when: alert(HighCPU)}) dry-runs its action with exactly one audit record, and when
 * the scraped target goes away the alert resolves and Alertmanager says so. The Prometheus rule stands in for a
 * CPU alert: it fires as soon as the target is up and resolves when it is stopped, so the test controls both;
 * its {@code host} label (the agent's {@code alerts.host_label} here) names this machine, the one target the local
 * executor may act on.
 */
class AlertmanagerIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aRealAlertFlowsFromPrometheusThroughAlertmanagerToARuleAndResolves() throws Exception {
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: restart-web-on-high-cpu
                    when: alert(HighCPU)
                    action: restart_service
                    params: {unit: nginx}
                """);
        var config = TestAgents.config(dir, """
                source: {spec: local, interval: 1h}
                alerts: {host_label: host}
                remediation:
                  allowed_units: [nginx]
                rules: {path: %s}
                """.formatted(dir.resolve("rules.yaml")));
        try (SteadyExporter exporter = new SteadyExporter();
             Agent agent = TestAgents.start(config, Clock.systemUTC());
             AgentClient viewer = TestAgents.viewer(agent);
             AlertmanagerProcess alertmanager = AlertmanagerProcess.start(dir, agent.baseUrl() + "/webhooks/alertmanager",
                     TestAgents.WEBHOOK_TOKEN);
             PrometheusProcess prometheus = PrometheusProcess.startWithAlerts(dir, List.of(exporter.instance()), """
                     groups:
                       - name: hosts
                         rules:
                           - alert: HighCPU
                             expr: up{job="node"} == 1
                             labels: {severity: critical, host: "%s"}
                             annotations: {summary: "CPU above 90%% on {{ $labels.instance }}"}
                     """.formatted(localHost(agent)), alertmanager.address())) {
            String host = localHost(agent);

            Alert firing = await("Alertmanager posts the firing alert", () -> viewer.alerts("firing", null, null).alerts()
                    .stream().findFirst(), alertmanager, prometheus);
            assertThat(firing.source()).isEqualTo(AlertSource.ALERTMANAGER);
            assertThat(firing.name()).isEqualTo("HighCPU");
            assertThat(firing.host()).as("alerts.host_label").isEqualTo(host);
            assertThat(firing.labels()).containsEntry("instance", exporter.instance());
            assertThat(firing.severity()).isEqualTo("critical");
            assertThat(firing.summary()).isEqualTo("CPU above 90% on " + exporter.instance());
            assertThat(firing.generatorUrl()).contains("up");

            Remediation dryRun = await("the rule acts on the alert", () -> agent.remediation().list(Optional.empty(), 10)
                    .stream().findFirst(), alertmanager, prometheus);
            dryRun = agent.remediation().await(dryRun.id(), Duration.ofSeconds(10), true);
            assertThat(dryRun.state()).as("remediation.enabled is false: a dry run").isEqualTo(RemediationState.PLANNED);
            assertThat(dryRun.rule()).isEqualTo("restart-web-on-high-cpu");
            assertThat(dryRun.target()).isEqualTo(host);
            List<AuditRecord> audit = agent.auditLog().read(java.time.LocalDate.MIN, java.time.LocalDate.MAX);
            assertThat(audit).as("one audit record for the dry run").singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo("restart-web-on-high-cpu");
                assertThat(r.result()).isEqualTo(io.smartcloudops.api.audit.AuditResult.DRY_RUN);
                assertThat(r.reason()).contains("alert(HighCPU)");
            });

            exporter.stop();
            Alert resolved = await("Alertmanager posts the resolve", () -> viewer.alerts("resolved", null, null).alerts()
                    .stream().findFirst(), alertmanager, prometheus);
            assertThat(resolved.id()).isEqualTo(firing.id());
            assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.endsAt()).isAfter(resolved.startsAt());
            assertThat(agent.rules().state("restart-web-on-high-cpu", host).key()).isEqualTo("inactive");
            assertThat(agent.remediation().list(Optional.empty(), 10)).hasSize(1);
        }
    }

    private static String localHost(Agent agent) {
        return agent.remediation().targets().localHost();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe, AlertmanagerProcess am, PrometheusProcess prom) {
        try {
            return Eventually.within(what, Duration.ofSeconds(60)).until(probe::get, Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + ": not within 60 s\nAlertmanager:\n" + am.logTail() + "\nPrometheus:\n" + prom.logTail(), e);
        }
    }
}
