package io.smartcloudops.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.chat.openai.ChatCompletionsServer;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.RedisProcess;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.chat.QueryResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar alone, configured for an OpenAI-compatible model and a shared Redis: the openai-java
 * client inside it really makes the call (TOOLCHAIN G1: a missing okhttp-jvm passes every unit test and
 * fails only here), tool calls run, a failing model falls back, and the context lands in Redis.
 */
class ChatPackagedJarIT {

    static final String TOKEN = "chat-it-viewer-token-0123456789";
    static final String KEY = "sk-it-0123456789abcdefghijklmn";

    @TempDir
    Path dir;

    @Test
    void theShadedJarTalksToTheModelAndFallsBack() throws Exception {
        Path jar = Files.copy(Path.of("target/smartcloudops-agent.jar"), dir.resolve("smartcloudops-agent.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path scenario = Path.of("src/test/resources/chat/scenario").toAbsolutePath();
        try (ChatCompletionsServer model = new ChatCompletionsServer(); RedisProcess redis = RedisProcess.start(Files.createDirectories(dir.resolve("redis")))) {
            model.toolCall("call_1", "current_metrics", "{\"host\":\"web-1\",\"metric\":\"cpu\"}");
            model.answer("web-1 CPU is 97.0%.");
            model.status(503, "{\"error\":{\"message\":\"overloaded\"}}");

            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                    "serve", "--bind", "127.0.0.1:0", "--source", "replay:" + scenario + "?speed=1000000")
                    .directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCLOUDOPS_") || k.equals("OPENAI_API_KEY"));
            pb.environment().put("SMARTCLOUDOPS_VIEWER_TOKEN", TOKEN);
            pb.environment().put("SMARTCLOUDOPS_CHAT_BACKEND", "openai");
            pb.environment().put("SMARTCLOUDOPS_CHAT_BASE_URL", model.baseUrl());
            pb.environment().put("SMARTCLOUDOPS_CHAT_MODEL", "gpt-test");
            pb.environment().put("SMARTCLOUDOPS_CHAT_MAX_RETRIES", "0");
            pb.environment().put("SMARTCLOUDOPS_CHAT_API_KEY", KEY);
            pb.environment().put("SMARTCLOUDOPS_REDIS_URL", redis.url());
            pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            Process agent = pb.start();
            try {
                String baseUrl = awaitBanner(agent);
                HttpClient http = HttpClient.newHttpClient();
                awaitSamples(http, baseUrl);

                QueryResponse viaModel = ask(http, baseUrl, "What's the CPU on web-1?");
                assertThat(viaModel.backend()).isEqualTo("openai");
                assertThat(viaModel.answer()).isEqualTo("web-1 CPU is 97.0%.");
                assertThat(viaModel.data()).singleElement().satisfies(f ->
                        assertThat(f.result().path("values").get(0).path("value").asDouble()).isEqualTo(97.0));
                ChatCompletionsServer.Sent first = model.take();
                assertThat(first.header("Authorization")).isEqualTo("Bearer " + KEY);
                assertThat(first.body().path("model").asText()).isEqualTo("gpt-test");
                assertThat(model.take().lastContent()).contains("<untrusted-data source=\"current_metrics\">");

                QueryResponse fallback = ask(http, baseUrl, "What's current CPU?");
                assertThat(fallback.backend()).isEqualTo("offline (fallback: the model server answered HTTP 503)");
                assertThat(fallback.answer()).contains("web-1 97.0% (baseline 12.0%)");

                try (var jedis = redis.client()) {
                    assertThat(jedis.lrange("smartcloudops:chat:conv:" + viaModel.conversationId(), 0, -1))
                            .singleElement().asString().contains("What's the CPU on web-1?");
                }
                JsonNode status = Json.mapper().readTree(get(http, baseUrl, "/status"));
                assertThat(status.at("/components/chat/backend").asText()).isEqualTo("openai");
                assertThat(status.at("/components/chat/fallbacks").asInt()).isEqualTo(1);
                assertThat(status.at("/components/chat/context/kind").asText()).isEqualTo("redis");
            } finally {
                agent.destroy();
                if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                    agent.destroyForcibly();
                }
            }
        }
    }

    private static String awaitBanner(Process agent) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        Pattern serving = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            lines.add(line);
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return m.group(1);
            }
        }
        throw new AssertionError("no banner; output:\n" + String.join("\n", lines));
    }

    private static void awaitSamples(HttpClient http, String baseUrl) throws Exception {
        Eventually.within("the replay to finish", Duration.ofSeconds(30)).until(() -> {
            for (JsonNode h : Json.mapper().readTree(get(http, baseUrl, "/status")).path("hosts")) {
                if (h.path("host").asText().equals("db-1") && h.path("samples").asInt() >= 120) {
                    return true;
                }
            }
            return false;
        });
    }

    private static QueryResponse ask(HttpClient http, String baseUrl, String question) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/query"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("question", question)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readValue(r.body(), QueryResponse.class);
    }

    private static String get(HttpClient http, String baseUrl, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
