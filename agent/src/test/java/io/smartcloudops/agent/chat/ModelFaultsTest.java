package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.chat.openai.ChatCompletionsServer;
import io.smartcloudops.agent.config.ChatConfig;
import io.smartcloudops.agent.testing.FreePort;
import io.smartcloudops.agent.testing.MisbehavingServer;
import io.smartcloudops.api.chat.QueryResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model endpoint fails in the ways real ones do — hangs longer than the timeout, stalls or stops in the
 * middle of a body, answers a proxy's HTML page (200 or 502), resets the connection, speaks something
 * that is not HTTP, sends JSON of the wrong shape, refuses the connection, rejects the key — with the
 * SDK's default retry. Every time the chat answers offline within the configured timeout (retries
 * included), the answer is exactly the offline one, and nothing the broken endpoint sent (HTML, markers,
 * an echoed key) reaches the answer or the backend label.
 */
class ModelFaultsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** The offline answer itself, scheduling on a busy 2-core machine, the client's teardown. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final String QUESTION = "What's current CPU?";

    private ChatScenario scenario;
    private String offlineAnswer;

    @BeforeEach
    void setUp() throws Exception {
        scenario = new ChatScenario();
        offlineAnswer = new ChatScenario().offlineService().ask(QUESTION, null, "alice").answer();
    }

    private static ChatConfig config(String baseUrl, Duration timeout) {
        ChatConfig d = ChatConfig.defaults();
        return new ChatConfig(ChatConfig.OPENAI, baseUrl, "gpt-test", timeout, d.maxRetries(), d.maxToolRounds(),
                d.maxOutputTokens(), d.rateLimitPerMinute(), d.maxQuestionChars(), d.maxToolOutputChars(), d.contextTtl(),
                d.maxTurns(), d.timeZone());
    }

    private QueryResponse askThrough(String baseUrl, List<String> mustNotLeak) {
        return askThrough(baseUrl, mustNotLeak, TIMEOUT);
    }

    private QueryResponse askThrough(String baseUrl, List<String> mustNotLeak, Duration timeout) {
        ChatService chat = ChatTesting.withModel(scenario, config(baseUrl, timeout));
        long started = System.nanoTime();
        QueryResponse r = chat.ask(QUESTION, null, "alice");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(r.backend()).startsWith("offline (fallback: ");
        assertThat(took).as("fallback within the timeout (%s), retries included; took %s", timeout, took)
                .isLessThan(timeout.plus(SLACK));
        assertThat(r.answer()).as("exactly the offline answer").isEqualTo(offlineAnswer);
        List<String> leaks = new ArrayList<>(mustNotLeak);
        leaks.addAll(List.of(MisbehavingServer.PAGE_MARKER, "<html", "<script", ChatTesting.API_KEY));
        for (String leak : leaks) {
            assertThat(r.answer()).doesNotContain(leak);
            assertThat(r.backend()).doesNotContain(leak);
            assertThat(r.data().toString()).doesNotContain(leak);
        }
        System.out.printf("ModelFaultsTest: %s -> %s in %d ms%n", baseUrl, r.backend(), took.toMillis());
        return r;
    }

    @ParameterizedTest
    @EnumSource(MisbehavingServer.Fault.class)
    void aMisbehavingEndpointMeansAnOfflineAnswerWithinTheTimeout(MisbehavingServer.Fault fault) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(fault)) {
            askThrough(server.baseUrl(), List.of());
        }
    }

    @Test
    void aRefusedConnectionFallsBackAtOnce() throws Exception {
        QueryResponse r = askThrough("http://127.0.0.1:" + FreePort.find() + "/v1", List.of());
        assertThat(r.backend()).contains("unreachable");
    }

    @Test
    void aRejectedKeyEchoedByTheServerDoesNotLeak() throws Exception {
        try (ChatCompletionsServer model = new ChatCompletionsServer()) {
            model.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + ChatTesting.API_KEY
                    + ". You can find your API key at https://platform.example/account\",\"type\":\"invalid_request_error\","
                    + "\"code\":\"invalid_api_key\"}}");
            // The server answers 401 at once; a timeout far above that keeps a slow first request on a busy
            // machine from turning the reason into "timed out" (which would hide the label under test).
            QueryResponse r = askThrough(model.baseUrl(), List.of("Incorrect API key", "sk-test-"), Duration.ofSeconds(10));
            assertThat(r.backend()).isEqualTo("offline (fallback: the model server answered HTTP 401)");
        }
    }
}
