package io.smartcloudops.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertList;
import io.smartcloudops.api.alert.AlertSource;
import io.smartcloudops.api.alert.AlertState;
import io.smartcloudops.api.alert.WebhookReceipt;
import io.smartcloudops.api.oncall.AcknowledgeRequest;
import io.smartcloudops.api.oncall.Acknowledgement;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceList;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.api.oncall.SilenceState;
import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyFeedback;
import io.smartcloudops.api.anomaly.FeedbackRequest;
import io.smartcloudops.api.anomaly.Verdict;
import io.smartcloudops.api.series.BandHistory;
import io.smartcloudops.api.series.BandSegment;
import io.smartcloudops.api.status.DetectorState;
import io.smartcloudops.api.anomaly.AnomalyList;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditRecordList;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.auth.WhoAmI;
import io.smartcloudops.api.chat.Fact;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.chat.QueryRequest;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.events.SampleEvent;
import io.smartcloudops.api.model.ModelCard;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Cooldown;
import io.smartcloudops.api.remediation.Decision;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationList;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationPreview;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.RolloutStep;
import io.smartcloudops.api.remediation.TargetOptions;
import io.smartcloudops.api.remediation.Trigger;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.series.SeriesPoint;
import io.smartcloudops.api.series.SeriesRun;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record of the contract, filled in, goes to JSON and back unchanged through the one mapper both
 * sides use: what the agent writes, the console and the CLI read as it was meant. A new record without a
 * sample here fails {@link #everyRecordOfTheContractHasASample}.
 */
class RecordJsonRoundTripTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    /** Client-side types that never travel as JSON. */
    private static final Set<Class<?>> NOT_ON_THE_WIRE = Set.of(LogQuery.class);

    static Stream<Object> samples() {
        SourceStatus source = new SourceStatus("prometheus:http://127.0.0.1:9090", "prometheus", false, "unreachable",
                T, T.plusSeconds(5), 2, 5.0);
        HostStatus host = new HostStatus("web-1", T, Map.of("cpu", 93.5, "mem", 41.0), "scoring", 0.71, 720L);
        Contributor contributor = new Contributor("cpu", 93.5, 12.0, 8.1, "cpu 93.5% (expected 10.0%-14.0%)");
        Anomaly anomaly = new Anomaly("a-1", "web-1", T, T.plusSeconds(10), T.plusSeconds(60), 0.82, Severity.CRITICAL,
                List.of("cpu"), List.of(contributor), "cpu 93.5% (baseline 12.0%)");
        AnomalyFeedback verdict = new AnomalyFeedback(Verdict.FALSE_ALARM, "nightly backup", "alice", T.plusSeconds(120));
        DetectorState.MetricState cpuState = new DetectorState.MetricState("cpu", "daily", T.minusSeconds(3600), true);
        DetectorState detectorState = new DetectorState("scoring", 0, 0,
                List.of("scoring", "daily season found", "level just shifted"), List.of(cpuState));
        BandSegment segment = new BandSegment(T, T.plusSeconds(60), 20.5, 12.0, 31.25, "daily");
                PlanStep step = new PlanStep("aws", "raise the desired capacity", List.of("autoscaling", "SetDesiredCapacity"));
        Remediation remediation = Remediation.builder("r-1", ActionType.RESTART_SERVICE, "web-1", RemediationState.SUCCEEDED,
                        Trigger.RULE, T)
                .instance("i-0123456789abcdef0").params(Map.of("unit", "nginx")).dryRun(false).result("success")
                .actor("rule:high-cpu").reason("cpu > 90").rule("high-cpu").approvedBy("alice").plan(List.of(step))
                .detail("restarted").startedAt(T.plusSeconds(1)).finishedAt(T.plusSeconds(2)).durationMs(840L)
                .effective(true).verifiedAt(T.plusSeconds(62)).idempotencyKey("k-1").rolloutId("r-0").build();
        RolloutStep rolloutStep = new RolloutStep("web-1", "r-1", "succeeded", true, "restarted");
        Remediation rollout = Remediation.builder("r-0", ActionType.RESTART_SERVICE, "app", RemediationState.RUNNING,
                        Trigger.OPERATOR, T).params(Map.of("unit", "nginx")).plan(List.of(step))
                .rollout(List.of(rolloutStep, new RolloutStep("web-2", null, RolloutStep.WAITING, null, null))).build();
        AuditRecord audit = AuditRecord.builder(T, AuditEvent.VERIFIED).action(ActionType.RESTART_SERVICE)
                .instance("web-1", "i-0123456789abcdef0").result(AuditResult.EFFECTIVE).by(Trigger.OPERATOR, "alice")
                .requestId("r-1").detail("active").params(Map.of("unit", "nginx")).reason("502s").idempotencyKey("k-1")
                .effective(true).rolloutId("r-0").build().chained("0".repeat(64), "f".repeat(64));
        ProposedAction proposed = new ProposedAction("r-2", "restart_service", "web-1", Map.of("unit", "nginx"), "pending",
                false, "asked in chat", "waiting for an operator's approval");
        JsonNode json = Json.mapper().createObjectNode().put("n_trees", 100).put("format", 2);
        Cooldown cooldown = new Cooldown(ActionType.RESTART_SERVICE, "nginx", T.plusSeconds(300), 300);
        TargetOptions target = new TargetOptions("web-1", "i-0123456789abcdef0", "asg-web", Map.of("role", "web"), true,
                List.of(ActionType.RESTART_SERVICE, ActionType.SCALE_UP), List.of(cooldown), 2, true, T.plusSeconds(3600));
        Acknowledgement ack = new Acknowledgement("alice", T.plusSeconds(90), "on it");
        Alert alert = new Alert("al-3f1c0e9a2b7d4c15", AlertSource.ALERTMANAGER, "c8e1f5a6b7d8e9f0", "HighCpu", "web-1",
                AlertState.FIRING, "critical", "CPU above 90%", Map.of("alertname", "HighCpu", "instance", "web-1:9100"),
                Map.of("summary", "CPU above 90%"), T, null, T.plusSeconds(5), T.plusSeconds(5),
                "http://prometheus:9090/graph", "sil-0123456789abcdef", ack);
        Silence silence = new Silence("sil-0123456789abcdef", "web-1", "cpu", null, Map.of("alertname", "HighCpu"),
                "kernel upgrade", "alice", T, T.plusSeconds(3600), null, null, SilenceState.ACTIVE, 2);
        return Stream.of(
                new ApiError("bad request", "limit: must be 1-1000"),
                ack,
                new AcknowledgeRequest("on it"),
                alert,
                new AlertList(List.of(alert)),
                new WebhookReceipt(2, 1, 0, 1),
                silence,
                new SilenceList(List.of(silence)),
                SilenceRequest.host("web-1", "1h", "kernel upgrade"),
                anomaly.marked("sil-0123456789abcdef", ack),
                anomaly,
                new AnomalyList(List.of(anomaly)),
                anomaly.withFeedback(verdict),
                verdict,
                FeedbackRequest.of(Verdict.CONFIRMED, "real"),
                detectorState,
                cpuState,
                new HostStatus("web-2", T, Map.of("cpu", 20.0), "scoring", 0.1, 10L, detectorState),
                segment,
                new BandHistory("web-1", "cpu", "%", T, List.of(segment)),
                contributor,
                audit,
                new AuditRecordList(List.of(audit), true),
                new WhoAmI("alice", "operator"),
                new Fact("current_metrics", json, json, true),
                proposed,
                new QueryRequest("What's current CPU?", "c-1"),
                new QueryResponse("web-1 is at 93.5%.", "offline", List.of(new Fact("agent_status", json, json, false)),
                        List.of(proposed), "c-1"),
                new SampleEvent("web-1", T, Map.of("cpu", 12.5)),
                new ModelCard("ml_models/anomaly_model.ser", json, List.of("evaluation.png")),
                cooldown,
                new Decision("looks right"),
                step,
                remediation,
                rollout,
                rolloutStep,
                new RemediationList(List.of(remediation)),
                new RemediationOptions(true, "local", List.of("nginx"), List.of(target), 6, true, 1),
                RemediationRequest.restartService("web-1", "nginx", true, "502s"),
                new RemediationPreview("scale_up", "web-1", "i-0a1b2c3d4e5f60718", Map.of(), List.of(step), false),
                target,
                new Series("web-1", "cpu", "%", T, List.of(SeriesPoint.minute(T.minusSeconds(60), 12.25, 11.0, 31.5, 12),
                        new SeriesPoint(T, 12.5), new SeriesPoint(T.plusSeconds(5), 13.0))),
                new SeriesPoint(T, 12.5),
                new SeriesRun(T, T.plusSeconds(5), SeriesRun.RAW, 2),
                new AgentStatus("0.1.0", T, 3600, source, List.of(host), Map.of("rules", Map.of("loaded", 2, "names", List.of("a")))),
                host,
                source);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void goesToJsonAndBackUnchanged(Object sample) throws Exception {
        String json = Json.write(sample);

        assertThat(Json.mapper().readValue(json, sample.getClass())).isEqualTo(sample);
        assertThat(json).as("snake_case names on the wire").doesNotContainPattern("\"[a-z]+[A-Z][A-Za-z]*\":");
    }

    @Test
    void aContributorWrittenBeforeExplanationsExistedReadsWithAnEmptyOne() throws Exception {
        // anomaly logs of earlier versions are reloaded at start
        Contributor old = Json.mapper().readValue("{\"metric\":\"cpu\",\"value\":97.0,\"baseline\":12.0,\"deviation\":6.4}",
                Contributor.class);
        assertThat(old).isEqualTo(new Contributor("cpu", 97.0, 12.0, 6.4, ""));
    }

    @Test
    void enumsTravelAsTheirKeys() {
        assertThat(Json.write(Remediation.builder("r", ActionType.SCALE_UP, "web-1", RemediationState.PLANNED, Trigger.CHAT, T)
                .build())).contains("\"action\":\"scale_up\"", "\"state\":\"planned\"", "\"trigger\":\"chat\"");
        assertThat(Json.write(new Cooldown(ActionType.NOTIFY, null, T, 1))).contains("\"action\":\"notify\"");
    }

    @Test
    void everyRecordOfTheContractHasASample() {
        Set<String> covered = samples().map(s -> s.getClass().getName()).collect(Collectors.toSet());
        Set<String> records = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.smartcloudops.api").stream()
                .filter(c -> c.reflect().isRecord())
                .filter(c -> !NOT_ON_THE_WIRE.contains(c.reflect()))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(records).as("records found in api").contains(Remediation.class.getName(), SourceStatus.class.getName());
        assertThat(covered).containsAll(records);
    }
}
