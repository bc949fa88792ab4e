package io.smartcloudops.agent.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.RecordingCommand;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditRecordList;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import io.smartcloudops.api.remediation.Trigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /remediations} and {@code /logs} over HTTP through {@link AgentClient}, with a real agent. */
class RemediationApiTest {

    @TempDir
    Path dir;

    private RecordingCommand systemctl;
    private Agent agent;
    private AgentClient operator;
    private AgentClient viewer;
    private String host;

    private void start(String remediationYaml) throws Exception {
        start(remediationYaml, Map.of());
    }

    private void start(String remediationYaml, Map<String, String> overrides) throws Exception {
        if (systemctl == null) {
            systemctl = new RecordingCommand(dir, "systemctl");
        }
        var config = TestAgents.config(dir, """
                remediation:
                  allowed_units: [nginx, "app@1", worker]
                  restart_command: [%s, restart, "{unit}"]
                  verify_command: [%s, is-active, "{unit}"]
                  verification_delay: 0s
                %s
                """.formatted(systemctl.path(), systemctl.path(), remediationYaml));
        if (!overrides.isEmpty()) {
            var loader = new io.smartcloudops.agent.config.ConfigLoader(Map.of());
            Map<String, String> all = new java.util.LinkedHashMap<>(Map.of(
                    "server.bind", "127.0.0.1:0",
                    "auth.viewer_token", TestAgents.VIEWER_TOKEN,
                    "auth.operator_token", TestAgents.OPERATOR_TOKEN,
                    "logs.dir", dir.resolve("logs").toString(),
                    "source.interval", "1h"));
            all.putAll(overrides);
            config = loader.load(dir.resolve("agent.yaml"), all);
        }
        agent = TestAgents.start(config, Clock.systemUTC());
        operator = AgentClient.create(agent.baseUrl(), TestAgents.OPERATOR_TOKEN);
        viewer = AgentClient.create(agent.baseUrl(), TestAgents.VIEWER_TOKEN);
        host = operator.remediationOptions().targets().stream().filter(TargetOptions::local).findFirst().orElseThrow().name();
    }

    private void restart() throws Exception {
        agent.close();
        operator.close();
        viewer.close();
        agent = TestAgents.start(TestAgents.config(dir, Files.readString(dir.resolve("agent.yaml"))), Clock.systemUTC());
        operator = AgentClient.create(agent.baseUrl(), TestAgents.OPERATOR_TOKEN);
        viewer = AgentClient.create(agent.baseUrl(), TestAgents.VIEWER_TOKEN);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            operator.close();
            viewer.close();
            agent.close();
        }
    }

    private RemediationRequest restart(String unit) {
        return RemediationRequest.restartService(host, unit, false, "test");
    }

    private Remediation awaitDone(String id) {
        return Eventually.within("remediation " + id + " to end (and be verified)", Duration.ofSeconds(15))
                .until(() -> viewer.remediation(id), r -> r.state().terminal()
                        && !(r.effective() == null && r.state() == RemediationState.SUCCEEDED));
    }

    private List<AuditRecord> audit() {
        return viewer.logs(LogQuery.since("1h").limit(1000)).records().reversed();
    }

    private HttpResponse<String> rawPost(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(agent.baseUrl() + path))
                .header("Authorization", "Bearer " + TestAgents.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void notifyIsAboutAnyWatchedHostWhileRestartAndScaleStillNeedATarget() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        start("", Map.of("source.spec", "replay:" + csv + "?speed=1000000",
                "aws.sns_topic_arn", "arn:aws:sns:eu-west-1:123456789012:ops"));
        Eventually.within("the replayed host web-1 to be watched", Duration.ofSeconds(15))
                .until(() -> viewer.status().hosts(), hs -> hs.stream().anyMatch(h -> h.host().equals("web-1")));
        assertThat(operator.remediationOptions().targets()).extracting(TargetOptions::name).doesNotContain("web-1");

        Remediation n = operator.remediate(RemediationRequest.notify("web-1", "Critical anomaly", "web-1 needs a look",
                false, "test"), "notify-web-1");
        assertThat(n.target()).isEqualTo("web-1");
        assertThat(n.dryRun()).as("remediation.enabled is false").isTrue();
        assertThat(n.state()).isEqualTo(RemediationState.PLANNED);
        assertThat(n.plan()).singleElement().satisfies(p -> assertThat(p.description()).contains("about web-1"));
        assertThat(operator.remediate(RemediationRequest.notify("web-1", "Critical anomaly", "web-1 needs a look",
                false, "test"), "notify-web-1").id()).as("the same key answers with the same remediation").isEqualTo(n.id());
        assertThat(audit()).filteredOn(r -> n.id().equals(r.requestId())).singleElement().satisfies(r -> {
            assertThat(r.instance()).isEqualTo("web-1");
            assertThat(r.action()).isEqualTo(ActionType.NOTIFY);
            assertThat(r.idempotencyKey()).isEqualTo("notify-web-1");
        });

        assertThatThrownBy(() -> operator.remediate(RemediationRequest.restartService("web-1", "nginx", false, null), "k1"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error().detail()).contains("target 'web-1' is not a remediation target");
                });
        assertThatThrownBy(() -> operator.remediate(new RemediationRequest("scale_up", "web-1", Map.of(), false, null), "k2"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> operator.remediate(RemediationRequest.notify("db-9", null, "hi", false, null), "k3"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error().detail()).contains("'db-9' is neither a remediation target nor a host the agent watches");
                });
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void disabledByDefaultEveryRequestIsADryRunThatShowsItsPlan() throws Exception {
        start("");
        Remediation r = operator.remediate(restart("nginx"), UUID.randomUUID().toString());
        assertThat(r.state()).isEqualTo(RemediationState.PLANNED);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.result()).isEqualTo("dry_run");
        assertThat(r.detail()).contains("remediation is disabled");
        assertThat(r.plan().getFirst().command()).containsExactly(systemctl.path(), "restart", "nginx");
        assertThat(r.plan().getFirst().kind()).isEqualTo("process");
        assertThat(systemctl.calls()).isEmpty();
        assertThat(operator.remediationOptions().enabled()).isFalse();

        AuditRecord rec = audit().getLast();
        assertThat(rec.event()).isEqualTo(AuditEvent.FINISHED);
        assertThat(rec.result()).isEqualTo(AuditResult.DRY_RUN);
        assertThat(rec.dryRun()).isTrue();
        assertThat(rec.actor()).isEqualTo("operator");
        assertThat(rec.trigger()).isEqualTo(Trigger.OPERATOR);
        assertThat(rec.requestId()).isEqualTo(r.id());
    }

    @Test
    void aPreviewShowsThePlanAndRecordsNothing() throws Exception {
        start("  enabled: true\n");
        int auditBefore = audit().size();
        var p = operator.previewRemediation(new RemediationRequest("restart_service", host, Map.of("unit", "nginx"), false, "why"));
        assertThat(p.plan().getFirst().command()).containsExactly(systemctl.path(), "restart", "nginx");
        assertThat(p.dryRun()).as("remediation is enabled: confirming would run it").isFalse();
        assertThat(p.target()).isEqualTo(host);
        assertThat(systemctl.calls()).isEmpty();
        assertThat(operator.remediations(null, 100).remediations()).as("no remediation recorded").isEmpty();
        assertThat(audit()).as("no audit line").hasSize(auditBefore);
        assertThatThrownBy(() -> operator.previewRemediation(new RemediationRequest("restart_service", host,
                Map.of("unit", "sshd"), false, "why"))).isInstanceOfSatisfying(AgentApiException.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> viewer.previewRemediation(new RemediationRequest("scale_up", host, Map.of(), false, null)))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void anEnabledRestartRunsVerifiesAndAuditsEveryStep() throws Exception {
        start("  enabled: true\n");
        Remediation started = operator.remediate(restart("nginx"), "press-1");
        assertThat(started.state()).isEqualTo(RemediationState.RUNNING);
        assertThat(started.idempotencyKey()).isEqualTo("press-1");
        Remediation done = awaitDone(started.id());
        assertThat(done.state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(done.result()).isEqualTo("success");
        assertThat(done.effective()).isTrue();
        assertThat(done.durationMs()).isNotNull();
        assertThat(done.detail()).contains("exited with 0");
        assertThat(systemctl.calls()).containsExactly(List.of("restart", "nginx"), List.of("is-active", "nginx"));

        List<AuditRecord> log = audit();
        assertThat(log).extracting(AuditRecord::event).containsExactly(AuditEvent.STARTED, AuditEvent.FINISHED, AuditEvent.VERIFIED);
        assertThat(log).extracting(AuditRecord::result).containsExactly(AuditResult.RUNNING, AuditResult.SUCCESS, AuditResult.EFFECTIVE);
        assertThat(log).allSatisfy(a -> {
            assertThat(a.requestId()).isEqualTo(started.id());
            assertThat(a.instance()).isEqualTo(host);
            assertThat(a.action()).isEqualTo(ActionType.RESTART_SERVICE);
            assertThat(a.actor()).isEqualTo("operator");
            assertThat(a.idempotencyKey()).isEqualTo("press-1");
        });
        assertThat(log.get(1).durationMs()).isNotNull();

        assertThat(operator.metrics()).contains("smartcloudops_remediations_total{action=\"restart_service\",result=\"success\"} 1.0");
        RemediationOptions options = viewer.remediationOptions();
        TargetOptions local = options.targets().stream().filter(TargetOptions::local).findFirst().orElseThrow();
        assertThat(local.cooldowns()).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo("nginx");
            assertThat(c.remainingSeconds()).isBetween(590L, 600L);
        });
        assertThat(options.units()).containsExactly("nginx", "app@1", "worker");
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) viewer.status().components().get("remediation");
        assertThat(status).containsEntry("enabled", true).containsEntry("executor", "local");
    }

    @Test
    void fiftyConcurrentPostsWithOneKeyRunExactlyOnce() throws Exception {
        start("  enabled: true\n");
        RemediationRequest request = restart("nginx");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Remediation>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return operator.remediate(request, "double-click-7");
                }));
            }
            go.countDown();
        }
        List<String> ids = new ArrayList<>();
        for (Future<Remediation> f : answers) {
            ids.add(f.get().id());
        }
        assertThat(ids).hasSize(50).containsOnly(ids.getFirst());
        awaitDone(ids.getFirst());
        assertThat(systemctl.calls().stream().filter(c -> c.getFirst().equals("restart"))).hasSize(1);
        assertThat(audit()).filteredOn(a -> a.event() == AuditEvent.STARTED).hasSize(1);

        // A retry later answers with the first result; the same key for another request is a conflict.
        assertThat(operator.remediate(request, "double-click-7").state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThatThrownBy(() -> operator.remediate(restart("worker"), "double-click-7"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error().detail()).contains("different request");
                });
    }

    @Test
    void dangerousUnitNamesAreRefusedWithTheFieldNamedAndNothingRuns() throws Exception {
        start("  enabled: true\n");
        List<String> bad = List.of("nginx; reboot", "$(reboot)", "nginx && rm -rf /", "`id`", "../../bin/sh",
                "/etc/passwd", "nginx/../sshd", "-nginx", "--help", "nginx\nreboot", "nginx reboot", "a".repeat(300),
                "ngínx", "*", "sshd");
        for (String unit : bad) {
            assertThatThrownBy(() -> operator.remediate(restart(unit), UUID.randomUUID().toString()))
                    .as(unit)
                    .isInstanceOfSatisfying(AgentApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error().detail()).startsWith("params.unit: ");
                    });
        }
        assertThat(systemctl.calls()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void malformedRequestsName_theFieldOrHeader() throws Exception {
        start("  enabled: true\n");
        String target = Json.write(host);
        Map<String, String> key = Map.of("Idempotency-Key", "k1");
        HttpResponse<String> unknownField = rawPost("/remediations",
                "{\"action\":\"restart_service\",\"target\":" + target + ",\"params\":{\"unit\":\"nginx\"},\"dry_runn\":true}", key);
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("dry_runn: unknown field");
        HttpResponse<String> notJson = rawPost("/remediations", "{\"action\":", key);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("body: not valid JSON");
        HttpResponse<String> wrongType = rawPost("/remediations", "{\"action\":\"scale_up\",\"target\":" + target
                + ",\"dry_run\":\"maybe\"}", key);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("dry_run");
        HttpResponse<String> noKey = rawPost("/remediations", "{\"action\":\"restart_service\",\"target\":" + target
                + ",\"params\":{\"unit\":\"nginx\"}}", Map.of());
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("Idempotency-Key: header is required");
        HttpResponse<String> badKey = rawPost("/remediations", "{\"action\":\"scale_up\",\"target\":" + target + "}",
                Map.of("Idempotency-Key", "has spaces"));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("Idempotency-Key: must be");

        assertThatThrownBy(() -> operator.remediate(new RemediationRequest("reboot", host, Map.of(), false, null), "k2"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.error().detail())
                        .startsWith("action: unknown action 'reboot'"));
        assertThatThrownBy(() -> operator.remediate(new RemediationRequest("restart_service", host,
                Map.of("unit", "nginx", "force", "yes"), false, null), "k3"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.error().detail()).startsWith("params.force"));
        assertThatThrownBy(() -> operator.remediate(new RemediationRequest("restart_service", null, Map.of("unit", "nginx"),
                false, null), "k4"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.error().detail()).startsWith("target: is required"));
        assertThatThrownBy(() -> operator.remediate(RemediationRequest.restartService("db-9", "nginx", false, null), "k5"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error().detail()).contains("target 'db-9' is not a remediation target", host);
                });
        assertThatThrownBy(() -> viewer.remediate(restart("nginx"), "k6"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(systemctl.calls()).isEmpty();
    }

    @Test
    void cooldownAndRateLimitSayWhenItMayRunAgain() throws Exception {
        start("  enabled: true\n  cooldown: 10m\n  max_per_hour: 2\n");
        awaitDone(operator.remediate(restart("nginx"), "a").id());
        HttpResponse<String> again = rawPost("/remediations", Json.write(restart("nginx")), Map.of("Idempotency-Key", "b"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(590L, 600L);
        assertThat(again.body()).contains("\"error\":\"cooldown\"", "may run again at");

        awaitDone(operator.remediate(restart("app@1"), "c").id());
        HttpResponse<String> third = rawPost("/remediations", Json.write(restart("worker")), Map.of("Idempotency-Key", "d"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(third.body()).contains("rate limited", "max_per_hour: 2");
        assertThat(systemctl.calls().stream().filter(c -> c.getFirst().equals("restart")).map(c -> c.get(1)))
                .containsExactly("nginx", "app@1");
        assertThat(audit()).filteredOn(a -> a.event() == AuditEvent.REFUSED).hasSize(2);
        assertThat(operator.metrics()).contains("smartcloudops_remediations_total{action=\"restart_service\",result=\"refused\"} 2.0");
    }

    @Test
    void chatProposalsWaitForAnOperatorAndOnlyThenRun() throws Exception {
        start("  enabled: true\n");
        Remediation proposed = agent.remediation().propose(restart("nginx"), Trigger.CHAT, "assistant");
        Remediation other = agent.remediation().propose(restart("worker"), Trigger.CHAT, "assistant");
        assertThat(proposed.state()).isEqualTo(RemediationState.PENDING);
        assertThat(viewer.pending().remediations()).extracting(Remediation::id).containsExactlyInAnyOrder(proposed.id(), other.id());
        assertThat(systemctl.calls()).isEmpty();

        assertThatThrownBy(() -> viewer.approve(proposed.id()))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        Remediation approved = operator.approve(proposed.id(), "checked the dashboard");
        assertThat(approved.approvedBy()).isEqualTo("operator");
        assertThat(awaitDone(proposed.id()).state()).isEqualTo(RemediationState.SUCCEEDED);
        Remediation rejected = operator.reject(other.id(), "not now");
        assertThat(rejected.state()).isEqualTo(RemediationState.REJECTED);
        assertThat(viewer.pending().remediations()).isEmpty();
        assertThat(systemctl.calls().stream().filter(c -> c.getFirst().equals("restart"))).hasSize(1);

        assertThatThrownBy(() -> operator.approve(other.id()))
                .isInstanceOfSatisfying(AgentApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error().detail()).contains("is rejected, not pending");
                });
        assertThatThrownBy(() -> operator.approve(UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(audit()).filteredOn(a -> a.requestId().equals(proposed.id())).extracting(AuditRecord::event)
                .containsExactly(AuditEvent.PROPOSED, AuditEvent.APPROVED, AuditEvent.STARTED, AuditEvent.FINISHED, AuditEvent.VERIFIED);
        assertThat(audit()).filteredOn(a -> a.requestId().equals(proposed.id())).first()
                .satisfies(a -> {
                    assertThat(a.trigger()).isEqualTo(Trigger.CHAT);
                    assertThat(a.actor()).isEqualTo("assistant");
                });
        // The chat path validates exactly like a button.
        assertThatThrownBy(() -> agent.remediation().propose(restart("nginx; reboot"), Trigger.CHAT, "assistant"))
                .isInstanceOf(RemediationException.Invalid.class);
    }

    @Test
    void anUnwritableAuditLogAnswers503AndRunsNothing() throws Exception {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        start("  enabled: true\n", Map.of("logs.dir", blocker.resolve("logs").toString()));
        assertThatThrownBy(() -> operator.remediate(restart("nginx"), "k"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.error().error()).isEqualTo("audit log unavailable");
                    assertThat(e.error().detail()).contains("nothing was run");
                });
        Thread.sleep(200); // the subject: a refused press must not start anything later either
        assertThat(systemctl.calls()).isEmpty();
        // Not bound to the key: once the log works, the same press can be retried.
        assertThat(operator.metrics()).contains("smartcloudops_audit_write_errors_total 1.0");
    }

    @Test
    void logsAreReadBackWithFiltersAndBadValuesAreRefused() throws Exception {
        start("  enabled: true\n");
        awaitDone(operator.remediate(restart("nginx"), "a").id());
        operator.remediate(RemediationRequest.restartService(host, "worker", true, "dry"), null);

        AuditRecordList all = viewer.logs(LogQuery.since("10m"));
        assertThat(all.records()).hasSize(4);
        assertThat(all.records().getFirst().result()).isEqualTo(AuditResult.DRY_RUN); // newest first
        assertThat(viewer.logs(LogQuery.since("10m").action(ActionType.RESTART_SERVICE).instance(host).result(AuditResult.SUCCESS)).records()).singleElement()
                .satisfies(r -> assertThat(r.event()).isEqualTo(AuditEvent.FINISHED));
        assertThat(viewer.logs(LogQuery.recent().instance("elsewhere")).records()).isEmpty();
        assertThat(viewer.logs(LogQuery.since("10m").limit(2)).truncated()).isTrue();
        String future = java.time.Instant.now().plusSeconds(3600).toString();
        assertThat(viewer.logs(LogQuery.since("2020-01-01 00:00:00").until("2020-01-02T00:00:00Z")).records()).isEmpty();
        assertThat(viewer.logs(LogQuery.since("2020-01-01 00:00:00").until(future)).records()).hasSize(4);

        for (Map<String, String> bad : List.of(Map.of("since", "yesterday"), Map.of("result", "great"),
                Map.of("action", "reboot"), Map.of("limit", "0"), Map.of("until", "10m", "since", "5m"), Map.of("host", "x"))) {
            assertThatThrownBy(() -> viewer.get("/logs", bad, AuditRecordList.class))
                    .as(bad.toString())
                    .isInstanceOfSatisfying(AgentApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error().detail()).startsWith(bad.keySet().stream().filter(k -> !k.equals("until"))
                                .findFirst().orElseThrow() + ":");
                    });
        }
    }

    @Test
    void everyStateChangeIsAnActionEvent() throws Exception {
        start("  enabled: true\n");
        List<Remediation> events = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(1);
        try (EventSubscription sub = viewer.subscribe(new AgentEventListener() {
            @Override
            public void onEvent(String type, String json) {
                if (type.equals(EventTypes.ACTION)) {
                    try {
                        events.add(Json.mapper().readValue(json, Remediation.class));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void onConnected() {
                connected.countDown();
            }
        })) {
            assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
            Eventually.within("the agent to hold the stream", Duration.ofSeconds(10)).until(() -> agent.events().clientCount() == 1);
            String id = operator.remediate(restart("nginx"), "sse").id();
            Eventually.within("the verified remediation on the stream", Duration.ofSeconds(10))
                    .until(() -> events.stream().anyMatch(e -> e.effective() != null));
            assertThat(events).allSatisfy(e -> assertThat(e.id()).isEqualTo(id));
            assertThat(events).extracting(Remediation::state)
                    .containsExactly(RemediationState.RUNNING, RemediationState.SUCCEEDED, RemediationState.SUCCEEDED);
            assertThat(events.getLast().effective()).isTrue();
        }
    }

    @Test
    void everyRemediationAndLogRouteIsDocumentedWithItsRole() throws Exception {
        start("");
        var openApi = io.smartcloudops.agent.config.ConfigLoader.yamlMapper().readTree(viewer.openApi());
        var routes = agent.server().routes().stream()
                .filter(r -> r.path().startsWith("/remediations") || r.path().equals("/logs")).toList();
        assertThat(routes).hasSize(8);
        for (var r : routes) {
            var op = openApi.path("paths").path(r.path()).path(r.method().toLowerCase(java.util.Locale.ROOT));
            assertThat(op.isMissingNode()).as(r.method() + " " + r.path()).isFalse();
            assertThat(op.path("x-role").asText()).as(r.method() + " " + r.path()).isEqualTo(r.role().key());
        }
    }

    @Test
    void aRestartedAgentRemembersKeysCooldownsAndPendingApprovals() throws Exception {
        start("  enabled: true\n");
        Remediation first = operator.remediate(restart("nginx"), "before-restart");
        awaitDone(first.id());
        Remediation pending = agent.remediation().propose(restart("worker"), Trigger.CHAT, "assistant");

        restart();
        assertThat(viewer.remediation(first.id()).state()).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(operator.remediate(restart("nginx"), "before-restart").id()).isEqualTo(first.id());
        assertThatThrownBy(() -> operator.remediate(restart("nginx"), "after-restart"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.error().error()).isEqualTo("cooldown"));
        assertThat(viewer.pending().remediations()).extracting(Remediation::id).containsExactly(pending.id());
        operator.approve(pending.id());
        awaitDone(pending.id());
        assertThat(systemctl.calls().stream().filter(c -> c.getFirst().equals("restart")).map(c -> c.get(1)))
                .containsExactly("nginx", "worker");
    }
}
