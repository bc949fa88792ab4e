package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.FreePort;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import io.smartcloudops.api.events.EventTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AgentClient's subscription survives the agent going away and coming back on the same address. */
class EventReconnectTest {

    @TempDir
    Path dir;

    @Test
    void subscriptionReconnectsWithBackoffWhenTheAgentReturns() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        Map<String, String> cfg = Map.of("server.bind", "127.0.0.1:" + FreePort.find(),
                "source.spec", "replay:" + csv + "?speed=600&loop=true", "source.interval", "200ms");
        Semaphore samples = new Semaphore(0);
        AtomicInteger connects = new AtomicInteger();
        AtomicInteger disconnects = new AtomicInteger();
        AgentEventListener listener = new AgentEventListener() {
            @Override
            public void onEvent(String type, String json) {
                if (type.equals(EventTypes.SAMPLE)) {
                    samples.release();
                }
            }

            @Override
            public void onConnected() {
                connects.incrementAndGet();
            }

            @Override
            public void onDisconnected(Throwable cause, Duration retryIn) {
                disconnects.incrementAndGet();
            }
        };
        Agent first = TestAgents.start(dir, cfg);
        try (AgentClient client = AgentClient.create(first.baseUrl(), TestAgents.VIEWER_TOKEN);
             EventSubscription sub = client.subscribe(listener)) {
            assertThat(samples.tryAcquire(10, TimeUnit.SECONDS)).as("live before the restart").isTrue();
            first.close();
            Eventually.within("the break to be reported", Duration.ofSeconds(10)).until(() -> disconnects.get() > 0);
            assertThat(disconnects.get()).as("the break is reported").isPositive();
            samples.drainPermits();
            try (Agent second = TestAgents.start(dir, cfg)) {
                assertThat(samples.tryAcquire(15, TimeUnit.SECONDS)).as("events resume from the new agent").isTrue();
                assertThat(connects.get()).isGreaterThanOrEqualTo(2);
                assertThat(sub.isOpen()).isTrue();
            }
        } finally {
            first.close();
        }
    }
}
