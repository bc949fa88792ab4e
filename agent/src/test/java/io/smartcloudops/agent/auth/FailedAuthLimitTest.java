package io.smartcloudops.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.RawHttp;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong tokens are limited per client address ({@code auth.failures_per_minute}, refilled evenly over the
 * minute, like the chat's limit): past the limit every request from that address that carries a token is
 * a 429 with Retry-After, without the token being checked (a guess that happens to be right is not told
 * apart), until the bucket refills. Other addresses are not affected; both answers are counted in /metrics.
 */
class FailedAuthLimitTest {

    @TempDir
    Path dir;

    @Test
    void wrongTokensPastTheLimitAre429ForThatClientOnly() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        var config = TestAgents.config(dir, Map.of("auth.failures_per_minute", "5", "source.interval", "1h"));
        try (Agent agent = TestAgents.start(config, clock)) {
            RawHttp attacker = new RawHttp(agent.baseUrl());
            RawHttp neighbour = new RawHttp(agent.baseUrl(), "127.0.0.2");
            for (int i = 0; i < 5; i++) {
                assertThat(attacker.send("GET", "/status", RawHttp.headers("Authorization", "Bearer wrong-" + i), null).status())
                        .as("failure %d is still answered 401", i + 1).isEqualTo(401);
            }
            RawHttp.Response throttled = attacker.send("GET", "/logs", RawHttp.headers("Authorization", "Bearer wrong-5"), null);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isEqualTo("12");
            JsonNode body = Json.mapper().readTree(throttled.body());
            assertThat(body.path("error").asText()).isEqualTo("too many requests");
            assertThat(body.path("detail").asText()).contains("failed authentications", "retry in 12 s");

            RawHttp.Response rightGuess = attacker.send("GET", "/status",
                    RawHttp.headers("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN), null);
            assertThat(rightGuess.status()).as("a right guess is not told apart while throttled").isEqualTo(429);
            assertThat(attacker.send("GET", "/healthz", List.of(), null).status()).as("open routes stay open").isEqualTo(200);
            assertThat(neighbour.send("GET", "/status", RawHttp.headers("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN), null)
                    .status()).as("another address is not affected").isEqualTo(200);

            String metrics = neighbour.send("GET", "/metrics", List.of(), null).body();
            assertThat(metrics).contains("smartcloudops_auth_failures_total{answer=\"401\"} 5.0")
                    .contains("smartcloudops_auth_failures_total{answer=\"429\"} 2.0");

            clock.advance(Duration.ofSeconds(12));
            assertThat(attacker.send("GET", "/status", RawHttp.headers("Authorization", "Bearer " + TestAgents.VIEWER_TOKEN), null)
                    .status()).as("one attempt again after 60/5 seconds").isEqualTo(200);
        }
    }
}
