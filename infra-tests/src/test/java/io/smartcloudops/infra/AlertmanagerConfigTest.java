package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * monitoring/alertmanager: accepted by Alertmanager's own amtool, as shipped and as Terraform writes it on the monitoring
 * host, and it sends to the agent the way the agent expects — checked with Debian's Alertmanager posting to a local server.
 */
class AlertmanagerConfigTest {

    private static final String CONFIG = "monitoring/alertmanager/alertmanager.yml";

    @TempDir
    Path dir;

    @Test
    void amtoolAcceptsTheConfigurationAsShippedAndAsWrittenOnTheMonitoringHost() throws Exception {
        Path amtool = Tools.require("amtool", "Debian package prometheus-alertmanager");
        // amtool reads the token file the configuration names: check copies that point at a file that exists
        Path token = Files.writeString(dir.resolve("token"), "webhook-token-0123456789\n");
        Map<String, String> configs = Map.of(
                "shipped.yml", Repo.read(CONFIG).replace("/etc/alertmanager/smartcloudops-webhook-token", token.toString()),
                "host.yml", CloudInit.alertmanagerYaml().replace(CloudInit.ALERTMANAGER_TOKEN_FILE, token.toString()));
        for (var c : configs.entrySet()) {
            Path copy = Files.writeString(dir.resolve(c.getKey()), c.getValue());
            Exec.Result r = Exec.run(dir, Duration.ofSeconds(60), List.of(amtool.toString(), "check-config", copy.toString()));
            assertThat(r.exitCode()).as(c.getKey() + ": " + r).isZero();
            assertThat(r.output()).contains("SUCCESS");
        }
    }

    @Test
    void everyAlertGoesToTheAgentsWebhookWithItsTokenAndResolvesToo() {
        JsonNode config = Yaml.file(CONFIG);
        String receiver = config.path("route").path("receiver").asText();
        JsonNode hooks = null;
        for (JsonNode r : config.path("receivers")) {
            if (r.path("name").asText().equals(receiver)) {
                hooks = r.path("webhook_configs");
            }
        }
        assertThat(hooks).as("the default route's receiver").isNotNull().hasSize(1);
        JsonNode hook = hooks.get(0);
        assertThat(URI.create(hook.path("url").asText()).getPath()).isEqualTo("/webhooks/alertmanager");
        assertThat(hook.path("send_resolved").asBoolean()).isTrue();
        assertThat(hook.path("max_alerts").asInt()).isBetween(1, 50);
        JsonNode auth = hook.path("http_config").path("authorization");
        assertThat(auth.path("type").asText()).isEqualTo("Bearer");
        assertThat(auth.path("credentials_file").asText()).as("the token is never written into the file").isNotBlank();
        assertThat(auth.has("credentials")).isFalse();
    }

    /**
     * The configuration the monitoring host runs, in a real Alertmanager: an alert posted to it reaches the agent's
     * {@code /webhooks/alertmanager} as a version 4 payload with the token of the credentials file as bearer token. Only the
     * addresses and group_wait (30 s) differ from the host's file.
     */
    @Test
    void theMonitoringHostsAlertmanagerPostsAlertsToTheAgentWithTheTokenFromItsFile() throws Exception {
        Path alertmanager = Tools.require("/usr/bin/prometheus-alertmanager", "Debian package prometheus-alertmanager");
        LinkedBlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
        HttpServer agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agent.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), "body", body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        agent.start();
        int port = freePort();
        Path token = Files.writeString(dir.resolve("webhook-token"), "am-webhook-token-0123456789");
        String config = CloudInit.alertmanagerYaml()
                .replace(CloudInit.AGENT_URL, "http://127.0.0.1:" + agent.getAddress().getPort())
                .replace(CloudInit.ALERTMANAGER_TOKEN_FILE, token.toString())
                .replace("group_wait: 30s", "group_wait: 1s");
        assertThat(config).contains("http://127.0.0.1:" + agent.getAddress().getPort() + "/webhooks/alertmanager", "group_wait: 1s");
        Path configFile = Files.writeString(dir.resolve("alertmanager.yml"), config);
        OkHttpClient http = new OkHttpClient();
        try (ManagedProcess am = ManagedProcess.start("alertmanager", dir, Map.of(), List.of(alertmanager.toString(),
                "--config.file=" + configFile, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="))) {
            String alert = new ObjectMapper().writeValueAsString(List.of(Map.of(
                    "labels", Map.of("alertname", "HighCpu", "instance", "i-0123456789abcdef0:9100", "severity", "warning"),
                    "annotations", Map.of("summary", "CPU above 90%"),
                    "startsAt", Instant.now().minusSeconds(60).toString())));
            Instant deadline = Instant.now().plusSeconds(30);
            while (true) {
                Request post = new Request.Builder().url("http://127.0.0.1:" + port + "/api/v2/alerts")
                        .post(RequestBody.create(alert, MediaType.get("application/json"))).build();
                try (Response r = http.newCall(post).execute()) {
                    if (r.isSuccessful()) {
                        break;
                    }
                } catch (IOException notYetListening) {
                    assertThat(am.alive()).as(am.describe()).isTrue();
                }
                assertThat(Instant.now()).as("Alertmanager answers: " + am.describe()).isBefore(deadline);
                TimeUnit.MILLISECONDS.sleep(200);
            }
            Map<String, String> post = received.poll(30, TimeUnit.SECONDS);
            assertThat(post).as("a post to the agent; " + am.describe()).isNotNull();
            assertThat(post.get("method")).isEqualTo("POST");
            assertThat(post.get("path")).isEqualTo("/webhooks/alertmanager");
            assertThat(post.get("authorization")).isEqualTo("Bearer am-webhook-token-0123456789");
            JsonNode body = new ObjectMapper().readTree(post.get("body"));
            assertThat(body.path("version").asText()).isEqualTo("4");
            assertThat(body.path("alerts").get(0).path("labels").path("instance").asText()).isEqualTo("i-0123456789abcdef0:9100");
            assertThat(body.path("alerts").get(0).path("status").asText()).isEqualTo("firing");
        } finally {
            agent.stop(0);
            http.dispatcher().executorService().shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
