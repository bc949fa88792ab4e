package io.smartcloudops.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Once {@link EventSubscription#close()} returns, no listener runs any more: a console or test closes what it reads. */
class EventSubscriptionCloseTest {

    @Test
    void closeReturnsOnlyOnceAListenerInProgressHasReturned() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                    .body("event: sample\ndata: {}\n\nevent: sample\ndata: {}\n\n").build());
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean listenerDone = new AtomicBoolean();
            AtomicReference<Boolean> doneWhenCloseReturned = new AtomicReference<>();
            try (AgentClient client = AgentClient.create(server.url("/").toString(), "token-0123456789", Duration.ofSeconds(5))) {
                EventSubscription subscription = client.subscribe((type, json) -> {
                    if (inside.getCount() == 0) {
                        return;
                    }
                    inside.countDown();
                    awaitIgnoringInterrupts(release);  // a listener busy with the event (the console decoding a batch)
                    listenerDone.set(true);
                });
                assertThat(inside.await(30, TimeUnit.SECONDS)).as("the first event reached the listener").isTrue();
                Thread closer = Thread.ofPlatform().start(() -> {
                    subscription.close();
                    doneWhenCloseReturned.set(listenerDone.get());
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (closer.isAlive() && closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                release.countDown();
                closer.join(Duration.ofSeconds(30));
                assertThat(doneWhenCloseReturned.get()).as("the listener had returned when close returned").isTrue();
            }
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
