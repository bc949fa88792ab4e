package io.smartcloudops.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code chat:} section: defaults, the annotated example, environment overrides, and refusals naming the key. */
class ChatConfigTest {

    @TempDir
    Path dir;

    @Test
    void theExampleFileHasTheDefaults() {
        AgentConfig example = new ConfigLoader(Map.of()).load(Path.of("agent.example.yaml"), Map.of());
        assertThat(example.chat()).isEqualTo(ChatConfig.defaults());
        assertThat(example.chat().backend()).isEqualTo("offline");
    }

    @Test
    void environmentVariablesOverrideEveryKey() {
        AgentConfig c = new ConfigLoader(Map.of("SMARTCLOUDOPS_CHAT_BACKEND", "OpenAI",
                "SMARTCLOUDOPS_CHAT_BASE_URL", "http://127.0.0.1:11434/v1", "SMARTCLOUDOPS_CHAT_MODEL", "llama3.1",
                "SMARTCLOUDOPS_CHAT_TIMEOUT", "5s", "SMARTCLOUDOPS_CHAT_RATE_LIMIT_PER_MINUTE", "5",
                "SMARTCLOUDOPS_CHAT_TIME_ZONE", "Europe/Berlin")).load(null, Map.of());
        assertThat(c.chat().usesModel()).isTrue();
        assertThat(c.chat().baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(c.chat().model()).isEqualTo("llama3.1");
        assertThat(c.chat().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.chat().rateLimitPerMinute()).isEqualTo(5);
        assertThat(c.chat().timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void badValuesNameTheirKey() {
        bad("chat.backend", "claude", "chat.backend", "must be offline or openai");
        bad("chat.base_url", "ftp://x", "chat.base_url", "http or https URL");
        bad("chat.timeout", "0s", "chat.timeout", "between");
        bad("chat.max_tool_rounds", "0", "chat.max_tool_rounds", "between 1 and 10");
        bad("chat.rate_limit_per_minute", "0", "chat.rate_limit_per_minute", "between 1");
        bad("chat.max_question_chars", "5", "chat.max_question_chars", "between 16");
        bad("chat.time_zone", "Mars/Olympus", "chat.time_zone", "not a time zone");
        bad("chat.api_key", "sk-123", "chat.api_key", "unknown key");
    }

    private void bad(String key, String value, String named, String detail) {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(null, Map.of(key, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).contains(named).contains(detail));
    }

    @Test
    void theOpenAiBackendNeedsAKeyFromTheEnvironment() {
        AgentConfig c = TestAgents.config(dir, Map.of("chat.backend", "openai", "source.spec", "local"));
        assertThatThrownBy(() -> Agent.start(c, Map.of(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .contains("chat.backend").contains("SMARTCLOUDOPS_CHAT_API_KEY or OPENAI_API_KEY"));
    }
}
