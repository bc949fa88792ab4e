package io.smartcloudops.agent.feedback;

import io.smartcloudops.agent.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.detect.Feedback;
import io.smartcloudops.agent.detect.SpikeSeries;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Verdict;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import io.smartcloudops.api.events.EventTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator marks a real anomaly of a real agent as a false alarm: the verdict is on the anomaly in
 * /anomalies and on /events, in the audit log with who and which anomaly, handed to the detector for that
 * host, metrics and time range, and still on the anomaly after a restart; taking it back removes it everywhere.
 * Bad requests change nothing.
 */
class AnomalyFeedbackTest {

    @TempDir
    Path dir;

    @Test
    void aFalseAlarmVerdictIsShownAuditedToldToTheDetectorAndSurvivesRestarts() throws Exception {
        Path csv = SpikeSeries.write(dir.resolve("web-7.csv"), 292, 160, 12, 7);
        Map<String, String> replay = Map.of("source.spec", "replay:" + csv + "?speed=250", "source.interval", "100ms",
                "detect.min_samples", "100");
        Anomaly marked;
        try (Agent agent = TestAgents.start(dir, replay);
             AgentClient viewer = TestAgents.viewer(agent);
             AgentClient operator = TestAgents.operator(agent)) {
            await(() -> agent.detector().orElseThrow().store().size() > 0
                    && agent.detector().orElseThrow().store().query(1, null, null).getFirst().end() != null, "an anomaly ends");
            Anomaly a = viewer.anomalies(null, null, null).anomalies().getFirst();
            assertThat(a.feedback()).isNull();

            // bad requests: nothing changes
            assertThat(status(() -> viewer.feedback(a.id(), Verdict.FALSE_ALARM, null))).isEqualTo(403);
            assertThat(status(() -> operator.feedback("an-zzzzzzzz-0badc0de", Verdict.FALSE_ALARM, null))).isEqualTo(404);
            assertThat(status(() -> operator.feedback("../status", Verdict.FALSE_ALARM, null))).isEqualTo(404);
            assertBadField(() -> post(agent, a.id(), "{\"verdict\":\"maybe\"}"), "verdict", "false_alarm or confirmed");
            assertBadField(() -> post(agent, a.id(), "{\"note\":\"no verdict\"}"), "verdict", "required");
            assertBadField(() -> post(agent, a.id(), "{\"verdict\":\"confirmed\",\"severity\":\"low\"}"), "severity", "unknown field");
            assertBadField(() -> post(agent, a.id(), "{\"verdict\":7}"), "verdict", "string");
            assertBadField(() -> post(agent, a.id(), ""), "body", "required");
            assertBadField(() -> operator.feedback(a.id(), Verdict.CONFIRMED, "bell\u0007"), "note", "control");
            assertBadField(() -> operator.feedback(a.id(), Verdict.CONFIRMED, "x".repeat(501)), "note", "500");
            assertThat(viewer.anomalies(null, null, null).anomalies().getFirst().feedback()).isNull();
            assertThat(feedbackRecords(agent)).isEmpty();
            assertThat(agent.detector().orElseThrow().feedback("web-7")).isEmpty();

            List<Anomaly> events = new CopyOnWriteArrayList<>();
            AtomicBoolean connected = new AtomicBoolean();
            try (EventSubscription sub = viewer.subscribe(anomalies(events, connected))) {
                await(connected::get, "the event stream is connected");
                marked = operator.feedback(a.id(), Verdict.FALSE_ALARM, "nightly batch job");
                await(() -> !events.isEmpty(), "an anomaly event with the verdict");
            }
            assertThat(marked.id()).isEqualTo(a.id());
            assertThat(marked.feedback().verdict()).isEqualTo(Verdict.FALSE_ALARM);
            assertThat(marked.feedback().note()).isEqualTo("nightly batch job");
            assertThat(marked.feedback().actor()).isEqualTo(operator.whoami().name());
            assertThat(marked.withFeedback(null)).isEqualTo(a);
            assertThat(events.getLast()).isEqualTo(marked);
            assertThat(viewer.anomalies(null, null, "web-7").anomalies()).containsExactly(marked);

            List<AuditRecord> audit = feedbackRecords(agent);
            assertThat(audit).hasSize(1);
            AuditRecord r = audit.getFirst();
            assertThat(r.event()).isEqualTo(AuditEvent.FEEDBACK);
            assertThat(r.requestId()).isEqualTo(a.id());
            assertThat(r.instance()).isEqualTo("web-7");
            assertThat(r.result()).isEqualTo(AuditResult.FALSE_ALARM);
            assertThat(r.actor()).isEqualTo(operator.whoami().name());
            assertThat(r.reason()).isEqualTo("nightly batch job");
            assertThat(r.timestamp()).isEqualTo(marked.feedback().at());
            assertThat(r.hash()).isNotBlank();
            // the audit log's own route shows it too, filtered by the verdict
            assertThat(viewer.logs(LogQuery.since("1h").instance("web-7").result(AuditResult.FALSE_ALARM)).records())
                    .extracting(AuditRecord::requestId).containsExactly(a.id());

            List<Feedback> told = agent.detector().orElseThrow().feedback("web-7");
            assertThat(told).hasSize(1);
            assertThat(told.getFirst().verdict()).isEqualTo(io.smartcloudops.agent.detect.Verdict.FALSE_ALARM);
            assertThat(told.getFirst().metrics()).contains(Metric.CPU);
            assertThat(told.getFirst().from()).isEqualTo(a.start());
            assertThat(told.getFirst().to()).isEqualTo(a.end());

            assertThat(viewer.metrics()).contains("smartcloudops_anomaly_feedback_total{verdict=\"false_alarm\"} 1.0");
        }

        // restarted: the verdict comes back on the anomaly from the audit log, and the detector restores its own
        // copy with web-7's saved state; the two are matched, so taking the verdict back reaches the detector too
        Path again = Files.createDirectories(dir.resolve("again"));
        Path quiet = SpikeSeries.write(again.resolve("web-7.csv"), 30, -1, 0, 8);
        Map<String, String> quietReplay = Map.of("source.spec", "replay:" + quiet + "?speed=500", "source.interval", "100ms",
                "detect.min_samples", "100");
        try (Agent agent = TestAgents.start(dir, quietReplay);
             AgentClient operator = TestAgents.operator(agent)) {
            assertThat(operator.anomalies(null, null, "web-7").anomalies()).containsExactly(marked);
            await(() -> !agent.detector().orElseThrow().feedback("web-7").isEmpty(), "web-7's state restored with its verdict");
            assertThat(agent.detector().orElseThrow().feedback("web-7")).singleElement()
                    .satisfies(f -> assertThat(f.from().toEpochMilli()).isEqualTo(marked.start().toEpochMilli()));

            Anomaly undone = operator.undoFeedback(marked.id());
            assertThat(undone.feedback()).isNull();
            assertThat(operator.anomalies(null, null, "web-7").anomalies().getFirst().feedback()).isNull();
            assertThat(agent.detector().orElseThrow().feedback("web-7")).isEmpty();
            assertThat(feedbackRecords(agent)).extracting(AuditRecord::event)
                    .containsExactly(AuditEvent.FEEDBACK, AuditEvent.FEEDBACK_UNDONE);
            // taking back what is not there changes nothing
            assertThat(operator.undoFeedback(marked.id())).isEqualTo(undone);
            assertThat(feedbackRecords(agent)).hasSize(2);
            assertThat(status(() -> operator.undoFeedback("an-zzzzzzzz-0badc0de"))).isEqualTo(404);
        }
        try (Agent agent = TestAgents.start(dir, quietReplay); AgentClient viewer = TestAgents.viewer(agent)) {
            assertThat(viewer.anomalies(null, null, "web-7").anomalies().getFirst().feedback()).isNull();
        }
    }

    private static List<AuditRecord> feedbackRecords(Agent agent) {
        return agent.auditLog().read(LocalDate.MIN, LocalDate.MAX).stream()
                .filter(r -> r.event() == AuditEvent.FEEDBACK || r.event() == AuditEvent.FEEDBACK_UNDONE).toList();
    }

    private static AgentEventListener anomalies(List<Anomaly> into, AtomicBoolean connected) {
        return new AgentEventListener() {
            @Override
            public void onConnected() {
                connected.set(true);
            }

            @Override
            public void onEvent(String type, String json) {
                if (type.equals(EventTypes.ANOMALY)) {
                    try {
                        Anomaly a = Json.mapper().readValue(json, Anomaly.class);
                        if (a.feedback() != null) {
                            into.add(a);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
    }

    /** A raw POST, for bodies AgentClient cannot send. */
    private static void post(Agent agent, String id, String body) throws Exception {
        OkHttpClient http = new OkHttpClient();
        Request req = new Request.Builder().url(agent.baseUrl() + "/anomalies/" + id + "/feedback")
                .header("Authorization", "Bearer " + TestAgents.OPERATOR_TOKEN)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response r = http.newCall(req).execute()) {
            String text = r.body().string();
            if (!r.isSuccessful()) {
                throw new AgentApiException(r.code(), Json.mapper().readValue(text, io.smartcloudops.api.ApiError.class));
            }
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static int status(Call call) {
        try {
            call.run();
        } catch (AgentApiException e) {
            assertThat(e.error().error()).isNotBlank();
            return e.status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }

    private static void assertBadField(Call call, String field, String says) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AgentApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error().detail()).startsWith(field + ":").contains(says);
        });
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.within(what, Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
