package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input hygiene, secret redaction and the per-token rate limit (OWASP LLM01/LLM06). */
class SafetyTest {

    final SecretRedactor redactor = new SecretRedactor(List.of("operator-token-0123456789", "short"));

    @Test
    void secretsInLogLinesAreRedacted() {
        String[][] cases = {
                {"curl -H 'Authorization: Bearer abcdefghijklmnop123' http://x", "abcdefghijklmnop123"},
                {"Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="},
                {"aws_access_key_id=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"},
                {"AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
                {"db password=hunter2hunter2 user=app", "hunter2hunter2"},
                {"{\"api_key\": \"k-1234567890abcdef\"}", "k-1234567890abcdef"},
                {"client_secret: s3cr3t-value", "s3cr3t-value"},
                {"export OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx", "sk-proj-abcdefghijklmnopqrstuvwx"},
                {"using sk-abcdefghijklmnopqrstuvwxyz012345 for the call", "sk-abcdefghijklmnopqrstuvwxyz012345"},
                {"token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"},
                {"slack xoxb-123456789012-abcdefghij", "xoxb-123456789012-abcdefghij"},
                {"jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "eyJzdWIiOiIxMjM0NTY3ODkwIn0"},
                {"redis://:p4ssw0rd@10.0.0.5:6379/0", "p4ssw0rd"},
                {"-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA"},
                {"the agent's token is operator-token-0123456789, keep it safe", "operator-token-0123456789"},
                {"--password hunter2hunter2 --verbose", "hunter2hunter2"},
        };
        for (String[] c : cases) {
            String out = redactor.redact(c[0]);
            assertThat(out).as(c[0]).doesNotContain(c[1]).contains(SecretRedactor.MARK);
        }
        assertThat(redactor.redact("cpu 97.0% on web-1 (baseline 12.0%), 3 tokens of 5 used"))
                .isEqualTo("cpu 97.0% on web-1 (baseline 12.0%), 3 tokens of 5 used");
        assertThat(redactor.redact("this is short")).as("secrets under 8 characters are not matched verbatim").isEqualTo("this is short");
    }

    @Test
    void secretFieldsInJsonAreRedactedWhateverTheirValue() throws Exception {
        JsonNode in = Json.mapper().readTree("""
                {"records":[{"detail":"exit 0 password=abc12345","params":{"password":"x","unit":"nginx"},"prompt_tokens":12}]}""");
        JsonNode out = redactor.redact(in);
        assertThat(out.at("/records/0/detail").asText()).isEqualTo("exit 0 password=[REDACTED]");
        assertThat(out.at("/records/0/params/password").asText()).isEqualTo("[REDACTED]");
        assertThat(out.at("/records/0/params/unit").asText()).isEqualTo("nginx");
        assertThat(out.at("/records/0/prompt_tokens").asInt()).isEqualTo(12);
        assertThat(in.at("/records/0/params/password").asText()).as("the input is not changed").isEqualTo("x");
    }

    @Test
    void questionsAreCleanedAndCapped() {
        QuestionSanitizer s = new QuestionSanitizer(50);
        assertThat(s.clean("  What's\tcurrent\u0000 CPU?\r\n")).isEqualTo("What's current CPU?");
        assertThat(s.clean("restart\u200B nginx\u202E on web-1")).as("zero-width and bidi marks removed")
                .isEqualTo("restart nginx on web-1");
        assertThatThrownBy(() -> s.clean("x".repeat(51))).isInstanceOfSatisfying(QuestionRejected.class, e -> {
            assertThat(e.field()).isEqualTo("question");
            assertThat(e.reason()).contains("longer than 50 characters (got 51)");
        });
        assertThatThrownBy(() -> s.clean(" \u0007 ")).isInstanceOf(QuestionRejected.class).hasMessageContaining("question");
        assertThatThrownBy(() -> s.clean(null)).hasMessage("question: is required");
        assertThatThrownBy(() -> QuestionSanitizer.conversationId("../../etc", () -> "new"))
                .isInstanceOfSatisfying(QuestionRejected.class, e -> assertThat(e.field()).isEqualTo("conversation_id"));
        assertThat(QuestionSanitizer.conversationId(null, () -> "new")).isEqualTo("new");
    }

    @Test
    void questionsAreLoggedWithoutSecretsAndAnswersCarryNone() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ChatService.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            ChatScenario scenario = new ChatScenario(true);
            var r = scenario.offlineService().ask("Show logs from 10 minutes ago, my password=hunter2hunter2 and token "
                    + "operator-token-0123456789", null, "alice");
            String logged = appender.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(logged).contains("alice asked", "password=[REDACTED]").doesNotContain("hunter2hunter2")
                    .doesNotContain("operator-token-0123456789");
            assertThat(Json.write(r)).as("nothing in the answer or its data").doesNotContain("hunter2hunter2");
        } finally {
            log.detachAppender(appender);
        }
    }

    @Test
    void eachTokenHasItsOwnBucketRefilledOverAMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T15:00:00Z"));
        TokenRateLimiter limiter = new TokenRateLimiter(3, clock);
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(20)));
        assertThat(limiter.acquire("bob")).as("another token is not affected").isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isPresent();
    }
}
