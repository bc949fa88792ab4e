package io.smartcloudops.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.client.AgentClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedAgentTest {

    @TempDir
    Path dir;

    @Test
    void startsOnLoopbackWithItsGeneratedTokenAndTakesAFreePortWhenThePreferredOneIsBusy() throws Exception {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "XDG_DATA_HOME", dir.resolve("data").toString());
        // The preferred address is 127.0.0.1:8080: occupy it (when free) so the fallback is exercised.
        ServerSocket held = null;
        try {
            held = new ServerSocket(8080, 1, InetAddress.getLoopbackAddress());
        } catch (java.io.IOException busyAlready) {
            // something else holds 8080: the fallback is exercised anyway
        }
        try (EmbeddedAgent agent = EmbeddedAgent.start(env, Map.of(), Clock.systemUTC())) {
            AgentEndpoint e = agent.endpoint();
            assertThat(e.url()).startsWith("http://127.0.0.1:").doesNotEndWith(":8080");
            assertThat(e.embedded()).isTrue();
            assertThat(agent.tokenFile()).contains(dir.resolve("config/smartcloudops/token"));
            assertThat(e.token()).isEqualTo(Files.readString(dir.resolve("config/smartcloudops/token")).trim());
            try (AgentClient client = AgentClient.create(e.url(), e.token())) {
                assertThat(client.whoami().role()).isEqualTo("operator");
                assertThat(client.status().source().kind()).isEqualTo("local");
            }
            assertThat(agent.agent().config().logs().dir()).isEqualTo(dir.resolve("data/smartcloudops/logs").toString());
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    @Test
    void readsTheAgentYamlBesideTheConsoleSettingsSoAFirstUserCanAllowListAUnit() throws Exception {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "XDG_DATA_HOME", dir.resolve("data").toString());
        Path settings = Files.createDirectories(dir.resolve("settings"));
        Files.writeString(EmbeddedAgent.configFile(settings), "remediation:\n  allowed_units: [nginx]\n");
        try (EmbeddedAgent agent = EmbeddedAgent.start(env, Map.of("server.bind", "127.0.0.1:0"), Clock.systemUTC(),
                EmbeddedAgent.configFile(settings));
             AgentClient client = AgentClient.create(agent.endpoint().url(), agent.endpoint().token())) {
            var options = client.remediationOptions();
            assertThat(options.units()).containsExactly("nginx");
            assertThat(options.enabled()).as("still dry runs only").isFalse();
        }
        try (EmbeddedAgent none = EmbeddedAgent.start(env, Map.of("server.bind", "127.0.0.1:0"), Clock.systemUTC(),
                dir.resolve("missing/agent.yaml"))) {
            assertThat(none.agent().config().remediation().allowedUnits()).as("no file: the defaults").isEmpty();
        }
    }
}
