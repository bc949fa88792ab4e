package io.smartcloudops.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.lifecycle.Shutdown;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.MisbehavingServer;
import io.smartcloudops.agent.testing.TestAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the agent while a collection is in flight (CI once saw a detector state written into a test's directory
 * after the agent closed): close waits for what the collection hands on, without interrupting it (an interrupt closes
 * the file a journal or the detector is writing), and cuts short only a read from the source that hangs.
 */
class CollectorCloseTest {

    @TempDir
    Path dir;

    @Test
    void closeWaitsForTheCollectionInProgressWithoutInterruptingIt() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=1000&loop=true",
                "source.interval", "100ms", "detect.enabled", "false"));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicReference<String> handedOn = new AtomicReference<>("not yet");
        AtomicReference<String> whenCloseReturned = new AtomicReference<>();
        Thread closer;
        try {
            agent.bus().subscribe(SamplesCollected.class, batch -> {
                if (!first.compareAndSet(true, false)) {
                    return;
                }
                inside.countDown();
                try {
                    release.await();  // a subscriber writing (the detector saving a state, an anomaly appended)
                    handedOn.set(Thread.currentThread().isInterrupted() ? "interrupted" : "finished");
                } catch (InterruptedException e) {
                    handedOn.set("interrupted");
                }
            });
            assertThat(inside.await(30, TimeUnit.SECONDS)).as("a collection reached the subscriber").isTrue();
            closer = Thread.ofPlatform().name("closer").start(() -> {
                agent.close();
                whenCloseReturned.set(handedOn.get());
            });
            Eventually.within("close to wait for the collection", Duration.ofSeconds(30))
                    .until(() -> closer.getState() == Thread.State.TIMED_WAITING || !closer.isAlive());
        } finally {
            release.countDown();
        }
        closer.join(Duration.ofSeconds(30));
        assertThat(closer.isAlive()).as("close returned").isFalse();
        assertThat(whenCloseReturned.get()).as("what the collection in flight had done when close returned")
                .isEqualTo("finished");
    }

    @Test
    void closeCutsShortAReadFromASourceThatNeverAnswers() throws Exception {
        try (MisbehavingServer exporter = new MisbehavingServer(MisbehavingServer.Fault.HANG)) {
            Agent agent = TestAgents.start(dir, Map.of("source.spec", "node-exporter:" + exporter.baseUrl().replace("/v1", ""),
                    "source.interval", "1h", "source.timeout", "1h", "detect.enabled", "false"));
            long closeTook;
            try {
                Eventually.within("the collector to call the exporter", Duration.ofSeconds(30))
                        .until(() -> exporter.requests() >= 1);
            } finally {
                long t0 = System.nanoTime();
                agent.close();
                closeTook = System.nanoTime() - t0;
            }
            // a close that waited for the hour-long read would give up after Shutdown.WAIT and leave the thread behind
            assertThat(Duration.ofNanos(closeTook)).isLessThan(Shutdown.WAIT);
            assertThat(agent.collector().status().consecutiveFailures()).as("a read cut short by close is no failure").isZero();
        }
    }
}
