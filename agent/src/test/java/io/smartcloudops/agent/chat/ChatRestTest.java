package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.chat.QueryRequest;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import io.smartcloudops.api.events.EventTypes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /query} on a real agent replaying the chat scenario, through AgentClient and raw HTTP. */
class ChatRestTest {

    @TempDir
    static Path dir;

    static Agent agent;
    static AgentClient viewer;

    @BeforeAll
    static void start() throws Exception {
        String csvs = Path.of("src/test/resources/chat/scenario").toAbsolutePath().toString();
        agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csvs + "?speed=1000000", "source.interval", "200ms",
                "chat.max_question_chars", "100", "chat.rate_limit_per_minute", "30"));
        viewer = TestAgents.viewer(agent);
        Eventually.within("the replay of db-1", Duration.ofSeconds(10)).until(() -> agent.store().sampleCount("db-1") >= 120);
    }

    @AfterAll
    static void stop() {
        viewer.close();
        agent.close();
    }

    @Test
    void aViewerAsksAndGetsTheNumbersTheFactsAndAConversationId() {
        QueryResponse r = viewer.query("What's current CPU?");
        assertThat(r.backend()).isEqualTo("offline");
        assertThat(r.answer()).contains("web-1 97.0% (baseline 12.0%)", "web-2 23.5% (baseline 20.0%)", "db-1 8.2% (baseline 8.0%)");
        assertThat(r.data()).singleElement().satisfies(f -> assertThat(f.tool()).isEqualTo("current_metrics"));
        assertThat(r.conversationId()).isNotBlank();
        QueryResponse next = viewer.query(new QueryRequest("and memory there?", r.conversationId()));
        assertThat(next.conversationId()).isEqualTo(r.conversationId());
        assertThat(next.answer()).contains("web-1 41.0%");
    }

    @Test
    void badQuestionsAre400NamingTheField() throws Exception {
        assertBad("{}", "question", "is required");
        assertBad("{\"question\": \"" + "x".repeat(101) + "\"}", "question", "longer than 100 characters");
        assertBad("{\"question\": \"hi\", \"conversation_id\": \"../x\"}", "conversation_id", "must be 1-64 characters");
        assertBad("{\"question\": \"hi\", \"model\": \"gpt-5\"}", "model", "unknown field");
        assertBad("{\"question\": 42}", "question", "must be a string");
        assertBad("{\"question\": ", "body", "not valid JSON");
        assertBad("", "body", "is required");
    }

    private void assertBad(String body, String field, String detail) throws Exception {
        HttpResponse<String> r = post(body, TestAgents.VIEWER_TOKEN);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        var error = Json.mapper().readTree(r.body());
        assertThat(error.path("error").asText()).isEqualTo("bad parameter");
        assertThat(error.path("detail").asText()).as(body).startsWith(field + ": ").contains(detail);
    }

    @Test
    void noTokenIs401() {
        try (AgentClient anonymous = AgentClient.create(agent.baseUrl(), null)) {
            assertThatThrownBy(() -> anonymous.query("What's current CPU?"))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void tooManyQuestionsFromOneTokenAre429WithRetryAfter() throws Exception {
        // the bucket refills at 30 a minute, so on a slow machine a few more than 30 may pass before the 429
        HttpResponse<String> last = null;
        int answered = 0;
        for (int i = 0; i < 120; i++) {
            last = post("{\"question\": \"Is the agent healthy?\"}", TestAgents.OPERATOR_TOKEN);
            if (last.statusCode() != 200) {
                break;
            }
            answered++;
        }
        assertThat(answered).as("the whole bucket of 30 is served first").isGreaterThanOrEqualTo(30);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 2L));
        assertThat(Json.mapper().readTree(last.body()).path("error").asText()).isEqualTo("too many requests");
        assertThat(post("{\"question\": \"Is the agent healthy?\"}", TestAgents.VIEWER_TOKEN).statusCode())
                .as("other tokens are not limited by it").isEqualTo(200);
    }

    @Test
    void answersGoToEventsMetricsAndStatus() throws Exception {
        CountDownLatch got = new CountDownLatch(1);
        AtomicReference<String> chatJson = new AtomicReference<>();
        CountDownLatch connected = new CountDownLatch(1);
        try (EventSubscription sub = viewer.subscribe(new AgentEventListener() {
            @Override
            public void onEvent(String type, String json) {
                if (type.equals(EventTypes.CHAT) && json.contains("Summarize")) {
                    return;
                }
                if (type.equals(EventTypes.CHAT)) {
                    chatJson.set(json);
                    got.countDown();
                }
            }

            @Override
            public void onConnected() {
                connected.countDown();
            }
        })) {
            assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
            Eventually.within("the agent to hold the stream", Duration.ofSeconds(10)).until(() -> agent.events().clientCount() == 1);
            QueryResponse r = viewer.query("Summarize last 3 anomalies");
            assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
            QueryResponse event = Json.mapper().readValue(chatJson.get(), QueryResponse.class);
            assertThat(event.conversationId()).isEqualTo(r.conversationId());
            assertThat(event.answer()).isEqualTo(r.answer());
        }
        assertThat(viewer.metrics()).contains("smartcloudops_chat_requests_total{backend=\"offline\",result=\"answered\"}",
                "smartcloudops_chat_latency_seconds_bucket{backend=\"offline\",le=\"0.025\"}",
                "smartcloudops_chat_requests_total{backend=\"offline\",result=\"rejected\"}");
        @SuppressWarnings("unchecked")
        Map<String, Object> chat = (Map<String, Object>) viewer.status().components().get("chat");
        assertThat(chat).containsEntry("backend", "offline");
        assertThat(((Map<?, ?>) chat.get("context")).get("kind")).isEqualTo("memory");
    }

    private static HttpResponse<String> post(String body, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/query"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
