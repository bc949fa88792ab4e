package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event stream outlives the client's per-call timeout (it used to be cut, and reconnect, every 2 x timeout). */
class EventStreamLongLivedTest {

    @TempDir
    Path dir;

    @Test
    void aSubscriptionStaysConnectedLongerThanTheCallTimeout() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        AtomicInteger connects = new AtomicInteger();
        AtomicInteger disconnects = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=300&loop=true",
                "source.interval", "200ms"));
             AgentClient client = AgentClient.create(agent.baseUrl(), TestAgents.VIEWER_TOKEN, Duration.ofMillis(400));
             EventSubscription ignored = client.subscribe(new AgentEventListener() {
                 @Override
                 public void onEvent(String type, String json) {
                     samples.incrementAndGet();
                 }

                 @Override
                 public void onConnected() {
                     connects.incrementAndGet();
                 }

                 @Override
                 public void onDisconnected(Throwable cause, Duration retryIn) {
                     disconnects.incrementAndGet();
                 }
             })) {
            Thread.sleep(3_000); // the subject: the stream stays up for seconds, longer than any idle timeout in the way
            assertThat(connects.get()).isEqualTo(1);
            assertThat(disconnects.get()).isZero();
            assertThat(samples.get()).isPositive();
        }
    }
}
