package io.smartcloudops.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path f = dir.resolve("agent.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void defaultsAreSafe() {
        AgentConfig c = new ConfigLoader(Map.of()).load(null, Map.of());
        assertThat(c.server().bind()).isEqualTo("127.0.0.1:8080");
        assertThat(c.source().spec()).isEqualTo("local");
        assertThat(c.source().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.store().retention()).isEqualTo(Duration.ofHours(24));
        assertThat(c.logs().dir()).isEqualTo("logs");
    }

    @Test
    void fileThenEnvironmentThenFlagsInIncreasingPrecedence() throws Exception {
        Path f = yaml("""
                source:
                  spec: prometheus:http://127.0.0.1:9090
                  interval: 10s
                  timeout: 2s
                server:
                  bind: 127.0.0.1:9000
                """);
        Map<String, String> env = Map.of("SMARTCLOUDOPS_SOURCE_INTERVAL", "15s", "SMARTCLOUDOPS_SERVER_BIND", "127.0.0.1:9100");
        Map<String, String> flags = new HashMap<>();
        flags.put("server.bind", "127.0.0.1:9200");
        flags.put("source.spec", null);
        AgentConfig c = new ConfigLoader(env).load(f, flags);
        assertThat(c.source().spec()).as("file beats default").isEqualTo("prometheus:http://127.0.0.1:9090");
        assertThat(c.source().timeout()).as("file beats default").isEqualTo(Duration.ofSeconds(2));
        assertThat(c.source().interval()).as("env beats file").isEqualTo(Duration.ofSeconds(15));
        assertThat(c.server().bind()).as("flag beats env").isEqualTo("127.0.0.1:9200");
    }

    @Test
    void documentedAliasesAndLogsDirVariable() {
        AgentConfig c = new ConfigLoader(Map.of(
                "SMARTCLOUDOPS_VIEWER_TOKEN", "a-viewer-token-123456",
                "SMARTCLOUDOPS_OPERATOR_TOKEN", "an-operator-token-123456",
                "SMARTCLOUDOPS_LOGS_DIR", "/var/lib/smartcloudops/logs")).load(null, Map.of());
        assertThat(c.auth().viewerToken()).isEqualTo("a-viewer-token-123456");
        assertThat(c.auth().operatorToken()).isEqualTo("an-operator-token-123456");
        assertThat(c.logs().dir()).isEqualTo("/var/lib/smartcloudops/logs");
    }

    @Test
    void unrelatedEnvironmentIsIgnored() {
        AgentConfig c = new ConfigLoader(Map.of("SMARTCLOUDOPS_NOT_A_KEY", "x", "PATH", "/bin")).load(null, Map.of());
        assertThat(c).isEqualTo(new ConfigLoader(Map.of()).load(null, Map.of()));
    }

    @Test
    void unknownKeyIsNamedWithItsSection() throws Exception {
        Path f = yaml("source:\n  intervall: 5s\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("source.intervall")
                .hasMessageContaining("unknown key")
                .hasMessageContaining("interval");
    }

    @Test
    void badDurationNamesTheKey() throws Exception {
        Path f = yaml("source:\n  interval: fast\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(f, Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("source.interval"))
                .hasMessageContaining("'fast' is not a duration");
    }

    @Test
    void badEnvironmentValueNamesTheKey() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SMARTCLOUDOPS_STORE_MAX_HOSTS", "many")).load(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("store.max_hosts");
    }

    @Test
    void aVariableOneTypoAwayFromASettingIsNamedWithTheSettingItProbablyMeant() {
        ConfigLoader loader = new ConfigLoader(Map.of(
                "SMARTCLOUDOPS_REMEDIATION_ENABLE", "true",          // the D forgotten
                "SMARTCLOUDOPS_SOURCE_INTERVALL", "1s",
                "SMARTCLOUDOPS_REMEDIATION_ENABLED", "false",        // a setting
                "SMARTCLOUDOPS_HEAP_MB", "512",                      // the launcher's, far from every setting
                "SMARTCLOUDOPS_PROMETHEUS_URL", "http://127.0.0.1:9090",
                "SMARTCLOUDOPS_NOT_A_KEY", "x",
                "PATH", "/bin"));
        assertThat(loader.load(null, Map.of()).remediation().enabled()).as("ignored, as before").isFalse();
        assertThat(loader.misspeltVariables()).containsExactly(
                "SMARTCLOUDOPS_REMEDIATION_ENABLE is not a setting and is ignored: did you mean SMARTCLOUDOPS_REMEDIATION_ENABLED?",
                "SMARTCLOUDOPS_SOURCE_INTERVALL is not a setting and is ignored: did you mean SMARTCLOUDOPS_SOURCE_INTERVAL?");
    }

    @Test
    void aBadValueFromTheEnvironmentOrTheCommandLineSaysWhereItWasSet() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SMARTCLOUDOPS_SOURCE_INTERVAL", "fast")).load(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("source.interval"))
                .hasMessage("source.interval: 'fast' is not a duration (expected e.g. 30s, 5m, 1h)"
                        + " (set by the environment variable SMARTCLOUDOPS_SOURCE_INTERVAL)");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SMARTCLOUDOPS_REMEDIATION_ENABLED", "yes")).load(null, Map.of()))
                .hasMessageStartingWith("remediation.enabled: ")
                .hasMessageEndingWith("(set by the environment variable SMARTCLOUDOPS_REMEDIATION_ENABLED)");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SMARTCLOUDOPS_VIEWER_TOKEN", "short")).load(null, Map.of()))
                .as("a check after binding (ConfigValidator), through a short alias")
                .hasMessageStartingWith("auth.viewer_token: ")
                .hasMessageEndingWith("(set by the environment variable SMARTCLOUDOPS_VIEWER_TOKEN)");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SMARTCLOUDOPS_BIND", "127.0.0.1:8080"))
                .load(null, Map.of("server.bind", "0.0.0.0")))
                .as("the command line wins over the environment, and is named")
                .hasMessage("server.bind: '0.0.0.0' is not HOST:PORT (e.g. 127.0.0.1:8080) (set by the command line)");
        Path f = yaml("source:\n  interval: fast\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SMARTCLOUDOPS_SOURCE_TIMEOUT", "5s")).load(f, Map.of()))
                .as("a value from the file says nothing more")
                .hasMessage("source.interval: 'fast' is not a duration (expected e.g. 30s, 5m, 1h)");
    }

    @Test
    void semanticChecksNameTheKey() {
        ConfigLoader loader = new ConfigLoader(Map.of());
        assertThatThrownBy(() -> loader.load(null, Map.of("server.bind", "8080")))
                .hasMessageStartingWith("server.bind").hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> loader.load(null, Map.of("server.bind", "127.0.0.1:70000")))
                .hasMessageStartingWith("server.bind").hasMessageContaining("0-65535");
        assertThatThrownBy(() -> loader.load(null, Map.of("source.spec", "graphite:x")))
                .hasMessageStartingWith("source.spec").hasMessageContaining("unknown source");
        assertThatThrownBy(() -> loader.load(null, Map.of("source.spec", "prometheus:localhost:9090")))
                .hasMessageStartingWith("source.spec").hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> loader.load(null, Map.of("source.interval", "10ms")))
                .hasMessageStartingWith("source.interval").hasMessageContaining("at least 100ms");
        assertThatThrownBy(() -> loader.load(null, Map.of("store.retention", "2m", "source.interval", "2m")))
                .hasMessageStartingWith("store.retention");
        assertThatThrownBy(() -> loader.load(null, Map.of("auth.viewer_token", "short")))
                .hasMessageStartingWith("auth.viewer_token");
        assertThatThrownBy(() -> loader.load(null, Map.of("logs.retention_days", "-1")))
                .hasMessageStartingWith("logs.retention_days");
    }

    @Test
    void tokenEntriesNeedExactlyOneSecretSource() throws Exception {
        Path f = yaml("""
                auth:
                  tokens:
                    - name: alice
                      role: operator
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(f, Map.of()))
                .hasMessageStartingWith("auth.tokens[0]").hasMessageContaining("sha256 or env");
        Path g = yaml("""
                auth:
                  tokens:
                    - name: bob
                      role: admin
                      env: BOB_TOKEN
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(g, Map.of()))
                .hasMessageContaining("auth.tokens[0].role").hasMessageContaining("viewer, operator or webhook");
    }

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        Path f = yaml("source:\n  spec: local\n   interval: 5s\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(f, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line");
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("nope.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file not found");
    }

    @Test
    void shippedExampleLoadsAndEqualsTheDefaults() {
        AgentConfig example = new ConfigLoader(Map.of()).load(Path.of("agent.example.yaml"), Map.of());
        AgentConfig defaults = new ConfigLoader(Map.of()).load(null, Map.of());
        assertThat(example.server()).isEqualTo(defaults.server());
        assertThat(example.source()).isEqualTo(defaults.source());
        assertThat(example.store()).isEqualTo(defaults.store());
        assertThat(example.logs()).isEqualTo(defaults.logs());
    }

    @Test
    void everyScalarKeyHasAnEnvironmentVariable() {
        assertThat(ConfigLoader.environmentVariables())
                .contains("SMARTCLOUDOPS_SOURCE_SPEC", "SMARTCLOUDOPS_SOURCE_INTERVAL", "SMARTCLOUDOPS_LOGS_DIR",
                        "SMARTCLOUDOPS_SERVER_BIND", "SMARTCLOUDOPS_VIEWER_TOKEN", "SMARTCLOUDOPS_OPERATOR_TOKEN");
    }
}
