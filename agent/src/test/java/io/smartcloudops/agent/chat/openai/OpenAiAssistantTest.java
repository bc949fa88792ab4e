package io.smartcloudops.agent.chat.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.chat.ChatScenario;
import io.smartcloudops.agent.chat.ChatService;
import io.smartcloudops.agent.chat.ChatTesting;
import io.smartcloudops.agent.chat.tools.ToolCatalog;
import io.smartcloudops.api.chat.Fact;
import io.smartcloudops.api.chat.QueryResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real openai-java client against a local server speaking the Chat Completions protocol. */
class OpenAiAssistantTest {

    ChatCompletionsServer model;
    ChatScenario scenario;

    @BeforeEach
    void setUp() throws Exception {
        model = new ChatCompletionsServer();
        scenario = new ChatScenario();
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    ChatService chat(Duration timeout, int rounds) {
        return ChatTesting.withModel(scenario, ChatTesting.openAi(model.baseUrl(), timeout, rounds));
    }

    @Test
    void sendsModelPromptToolsAndSanitisedQuestionThenRunsTheToolItAskedFor() throws Exception {
        model.toolCall("call_1", "current_metrics", "{\"metric\":\"cpu\"}");
        model.answer("web-1 is at 97.0% CPU against a 12.0% baseline; web-2 23.5%, db-1 8.2%.");

        QueryResponse r = chat(Duration.ofSeconds(5), 4).ask(
                "What's current CPU?\u0000\u200B my key is sk-live-abcdefghijklmnopqrstuv", null, "alice");

        assertThat(r.backend()).isEqualTo("openai");
        assertThat(r.answer()).isEqualTo("web-1 is at 97.0% CPU against a 12.0% baseline; web-2 23.5%, db-1 8.2%.");
        assertThat(r.data()).extracting(Fact::tool).containsExactly("current_metrics");
        assertThat(r.data().getFirst().result().path("values").get(0).path("formatted").asText()).isEqualTo("97.0%");

        ChatCompletionsServer.Sent first = model.take();
        assertThat(first.request().getMethod()).isEqualTo("POST");
        assertThat(first.request().getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(first.header("Authorization")).isEqualTo("Bearer " + ChatTesting.API_KEY);
        JsonNode body = first.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        JsonNode system = body.path("messages").get(0);
        assertThat(system.path("role").asText()).isEqualTo("system");
        assertThat(system.path("content").asText()).startsWith("You are a DevOps assistant")
                .contains("Prompt version: v1", "<untrusted-data source=\"hosts\">", "\"web-1\"", "Current time: 2026-03-10T15:00:00Z");
        assertThat(first.lastMessage().path("role").asText()).isEqualTo("user");
        assertThat(first.lastMessage().path("content").asText())
                .as("control characters stripped, secrets redacted before they leave")
                .isEqualTo("What's current CPU? my key is [REDACTED]");
        JsonNode tools = body.path("tools");
        assertThat(tools).hasSize(11);
        assertThat(tools).extracting(t -> t.path("function").path("name").asText()).containsExactly("current_metrics",
                "series_stats", "recent_anomalies", "explain_anomaly", "audit_logs", "agent_status", "remediation_history",
                "alerts", "silences", "notifications", "propose_remediation");
        JsonNode seriesStats = tools.get(1).path("function");
        assertThat(tools.get(1).path("type").asText()).isEqualTo("function");
        assertThat(seriesStats.path("parameters")).isEqualTo(
                new ToolCatalog(scenario.clock).definition("series_stats").orElseThrow().parametersSchema());

        ChatCompletionsServer.Sent second = model.take();
        JsonNode messages = second.body().path("messages");
        JsonNode assistant = messages.get(messages.size() - 2);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
        JsonNode tool = messages.get(messages.size() - 1);
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(tool.path("content").asText()).startsWith("<untrusted-data source=\"current_metrics\">")
                .contains("\"host\":\"web-1\"", "\"formatted\":\"97.0%\"", "\"baseline_formatted\":\"12.0%\"")
                .endsWith("</untrusted-data>");

        assertThat(ChatTesting.scrape(scenario.registry))
                .contains("smartcloudops_chat_model_tokens_total{kind=\"prompt\"} 200.0")
                .contains("smartcloudops_chat_model_tokens_total{kind=\"completion\"} 40.0")
                .contains("smartcloudops_chat_requests_total{backend=\"openai\",result=\"answered\"} 1.0");
    }

    @Test
    void aServerErrorFallsBackToTheOfflineAnswerAndSaysSo() {
        model.status(500, "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
        QueryResponse r = chat(Duration.ofSeconds(5), 4).ask("What's current CPU?", null, "alice");
        assertThat(r.backend()).isEqualTo("offline (fallback: the model server answered HTTP 500)");
        assertThat(r.answer()).contains("web-1 97.0% (baseline 12.0%)");
        assertThat(ChatTesting.scrape(scenario.registry)).contains("smartcloudops_chat_requests_total{backend=\"openai\",result=\"fallback\"} 1.0");
    }

    @Test
    void aTimeoutFallsBackWithinTheConfiguredTime() {
        model.slow(3000);
        long start = System.nanoTime();
        QueryResponse r = chat(Duration.ofMillis(500), 4).ask("Summarize last 3 anomalies", null, "alice");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.backend()).isEqualTo("offline (fallback: the model timed out after 500ms)");
        assertThat(r.answer()).contains("1. web-1 at 14:51 UTC, critical");
        assertThat(tookMillis).isLessThan(2500);
    }

    @Test
    void aMalformedAnswerFallsBack() {
        model.raw("{\"id\": \"x\", \"choices\": [ {\"message\": ");
        QueryResponse r = chat(Duration.ofSeconds(5), 4).ask("What's current CPU?", null, "alice");
        assertThat(r.backend()).startsWith("offline (fallback: ").contains("malformed answer");
    }

    @Test
    void malformedToolArgumentsAreRefusedAndTheModelIsToldWhy() throws Exception {
        model.toolCall("call_1", "series_stats", "{\"host\": \"web-1\", \"metric\": \"banana\"");
        model.toolCall("call_2", "series_stats", "{\"host\": \"web-1\", \"metric\": \"banana\", \"since\": \"1h\"}");
        model.toolCall("call_3", "run_shell", "{\"command\": \"systemctl restart nginx\"}");
        model.answer("I could not read the statistics.");
        QueryResponse r = chat(Duration.ofSeconds(5), 4).ask("max cpu on web-1 in the last hour?", null, "alice");

        assertThat(r.backend()).isEqualTo("openai");
        assertThat(r.data()).hasSize(3).allSatisfy(f -> assertThat(f.result().path("error").asText()).isEqualTo("invalid arguments"));
        model.take();
        assertThat(toolReply(model.take())).contains("\"field\":\"arguments\"", "not valid JSON (Unexpected end-of-input: expected close marker for Object)");
        assertThat(toolReply(model.take())).contains("\"field\":\"metric\"", "'banana' is not one of cpu");
        assertThat(toolReply(model.take())).contains("\"field\":\"tool\"", "unknown tool 'run_shell'");
        assertThat(scenario.proposer.calls()).isEmpty();
    }

    @Test
    void aModelThatNeverAnswersWithinTheRoundsFallsBack() throws Exception {
        for (int i = 0; i < 2; i++) {
            model.toolCall("call_" + i, "recent_anomalies", "{\"limit\": 500}");
        }
        QueryResponse r = chat(Duration.ofSeconds(5), 2).ask("Summarize last 3 anomalies", null, "alice");
        assertThat(r.backend()).isEqualTo(
                "offline (fallback: no answer after 2 tool rounds (2 tool call(s) with invalid arguments refused))");
        assertThat(r.answer()).startsWith("Last 3 anomalies (newest first):");
        assertThat(model.requestCount()).isEqualTo(2);
        assertThat(model.take().body().has("tool_choice")).isFalse();
        assertThat(model.take().body().path("tool_choice").asText()).as("the last round asks for an answer").isEqualTo("none");
    }

    @Test
    void earlierTurnsOfTheConversationAreSent() throws Exception {
        ChatService chat = chat(Duration.ofSeconds(5), 4);
        model.answer("web-1 CPU is 97.0%.");
        QueryResponse first = chat.ask("cpu on web-1?", null, "alice");
        model.answer("Because its CPU is far above its baseline.");
        chat.ask("why is it anomalous?", first.conversationId(), "alice");
        model.take();
        JsonNode messages = model.take().body().path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("cpu on web-1?");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("web-1 CPU is 97.0%.");
    }

    private static String toolReply(ChatCompletionsServer.Sent sent) {
        return sent.lastContent();
    }
}
