package io.smartcloudops.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the agent while a notification is on its way: the channel's sender has ended when close returns. */
class NotifierCloseTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void closeEndsADeliveryInFlightBeforeItReturns() throws Exception {
        try (ChannelServer slack = ChannelServer.slack()) {
            slack.slow(60_000);
            var config = TestAgents.config(dir, """
                    source: {spec: local}
                    notify:
                      timeout: 1m
                      channels:
                        oncall: {type: slack, url_env: SLACK_URL}
                    """);
            Agent agent = Agent.start(config, Map.of("SLACK_URL", slack.url()), Clock.systemUTC());
            CompletableFuture<Optional<String>> delivery;
            try {
                delivery = agent.notifier().message("oncall", "Deploy finished", "web tier on v42", "web-1");
                Eventually.within("the notice to reach the channel's server", Duration.ofSeconds(30))
                        .until(() -> slack.requestCount() == 1);
            } finally {
                agent.close();
            }
            // without waiting for the sender, close returned while it was still in the call (and could still write)
            assertThat(delivery).as("ended by the time close returned").isDone();
            assertThat(delivery.join()).as("not delivered").isPresent();
        }
    }
}
