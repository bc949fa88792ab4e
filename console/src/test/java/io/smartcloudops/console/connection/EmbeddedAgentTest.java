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

    @Test
    void aBadKeyInTheAgentYamlIsReportedWithTheFileAndACommandThatShowsTheSameError() throws Exception {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "XDG_DATA_HOME", dir.resolve("data").toString());
        Path settings = Files.createDirectories(dir.resolve("my settings"));
        Path yaml = EmbeddedAgent.configFile(settings);
        Files.writeString(yaml, "remediation:\n  allowed_unit: [nginx]\n");
        Map<String, String> overrides = Map.of("source.spec", "replay:bench/console/incident?speed=5");
        RuntimeException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuntimeException.class,
                () -> EmbeddedAgent.start(env, overrides, Clock.systemUTC(), yaml));

        EmbeddedAgentFailure f = EmbeddedAgentFailure.of(e, yaml, overrides, settings.resolve("settings.properties"));

        assertThat(f.expected()).as("a configuration error: one log line, no stack trace").isTrue();
        assertThat(f.logLine()).contains("remediation.allowed_unit: unknown key", yaml.toString()).doesNotContain("\n");
        assertThat(f.text()).startsWith("The embedded agent could not start: remediation.allowed_unit: unknown key")
                .contains("It read its settings from " + yaml + ": correct the setting there",
                        "run ./run.sh --agent-only --config '" + yaml + "' --source 'replay:bench/console/incident?speed=5'",
                        "choose a remote agent in " + settings.resolve("settings.properties"));
    }

    @Test
    void withoutAnAgentYamlTheFailureSaysSoAndTheCommandHasNoConfig() {
        Path missing = dir.resolve("settings/agent.yaml");
        EmbeddedAgentFailure config = EmbeddedAgentFailure.of(
                new io.smartcloudops.agent.config.ConfigException("server.bind", "'nowhere' is not HOST:PORT"), missing,
                Map.of("server.bind", "nowhere"), dir.resolve("settings/settings.properties"));
        assertThat(config.text()).contains("It read no agent.yaml (there is none at " + missing + ")",
                "run ./run.sh --agent-only --bind nowhere").doesNotContain("--config");
        EmbeddedAgentFailure fault = EmbeddedAgentFailure.of(new IllegalStateException("boom"), missing, Map.of(),
                dir.resolve("settings/settings.properties"));
        assertThat(fault.expected()).as("anything else keeps its stack trace in the log").isFalse();
        assertThat(fault.text()).contains("To see the agent's own error, run ./run.sh --agent-only\n");
    }
}
