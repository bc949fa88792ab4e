package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import io.smartcloudops.api.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {

    @TempDir
    Path dir;

    @Test
    void subscriberReceivesEachNewSampleAsItArrives() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        // 5-minute rows at 600x: one row every 0.5 s
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=600",
                "source.interval", "200ms"));
             AgentClient client = TestAgents.viewer(agent)) {
            BlockingQueue<JsonNode> samples = new LinkedBlockingQueue<>();
            try (EventSubscription sub = client.subscribe(new AgentEventListener() {
                @Override
                public void onEvent(String type, String json) {
                    if (type.equals(EventTypes.SAMPLE)) {
                        try {
                            samples.add(Json.mapper().readTree(json));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            })) {
                JsonNode first = samples.poll(10, TimeUnit.SECONDS);
                JsonNode second = samples.poll(10, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                assertThat(second).isNotNull();
                assertThat(first.path("host").asText()).isEqualTo("web-1");
                assertThat(second.path("values").path("cpu").asDouble())
                        .isEqualTo(first.path("values").path("cpu").asDouble() + 1);
                assertThat(first.path("timestamp").asText()).endsWith("Z");
            }
        }
    }

    @Test
    void anEventIsFramedAsTheSseSpecifiesOneDataLinePerLine() {
        assertThat(new String(EventStream.event("sample", "{\"a\":1}"), StandardCharsets.UTF_8))
                .isEqualTo("event: sample\ndata: {\"a\":1}\n\n");
        // a line break in the text must not end the event early or inject a field of its own
        assertThat(new String(EventStream.event("chat\nid: 7", "one\r\nretry: 1\ntwo"), StandardCharsets.UTF_8))
                .isEqualTo("event: chatid: 7\ndata: one\ndata: retry: 1\ndata: two\n\n");
    }

    @Test
    void eventsNeedAToken() throws Exception {
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local"))) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(agent.baseUrl() + "/events"))
                            .header("Accept", "text/event-stream").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("unauthorized");
        }
    }

    @Test
    void aRequestThatDoesNotAcceptAnEventStreamIsToldWhatToSendNotGivenAnEmptyAnswer() throws Exception {
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local"))) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String accept : new String[] {null, "*/*", "application/json"}) {
                java.net.http.HttpRequest.Builder req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(agent.baseUrl() + "/events"))
                        .header("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN);
                if (accept != null) {
                    req.header("Accept", accept);
                }
                java.net.http.HttpResponse<String> r = http.send(req.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("Accept: %s -> %s", accept, r.body()).isEqualTo(406);
                JsonNode body = Json.mapper().readTree(r.body());
                assertThat(body.path("error").asText()).isEqualTo("not acceptable");
                assertThat(body.path("detail").asText()).contains("Accept: text/event-stream");
            }
            java.net.http.HttpResponse<String> noToken = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(agent.baseUrl() + "/events")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).as("the token is checked first").isEqualTo(401);
        }
    }
}
