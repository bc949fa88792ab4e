package io.smartcloudops.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostCapacityTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aHostCostsItsSamplesAtFullRetentionPlusItsDetectorState() {
        assertThat(HostCapacity.bytesPerHost(Duration.ofHours(24), Duration.ofSeconds(5)))
                .as("17,280 samples x 14 B + 384 KB").isEqualTo(17_280 * 14 + 384 * 1024);
        assertThat(HostCapacity.bytesPerHost(Duration.ofHours(24), Duration.ofSeconds(1)))
                .as("five times the samples at 1 s").isEqualTo(86_400 * 14 + 384 * 1024);
    }

    @Test
    void theHeapBeyondTheAgentsOwn40MbIsSharedByTheHosts() {
        assertThat(HostCapacity.hostsFor(1024 * MB, Duration.ofHours(24), Duration.ofSeconds(5)))
                .as("(1024 - 40) MB / 0.61 MB").isEqualTo(1624);
        assertThat(HostCapacity.hostsFor(1024 * MB, Duration.ofHours(1), Duration.ofSeconds(5)))
                .as("a short retention leaves the detector state: 984 MB / 0.38 MB").isEqualTo(2558);
        assertThat(HostCapacity.hostsFor(32 * MB, Duration.ofHours(24), Duration.ofSeconds(5)))
                .as("a heap smaller than the agent's own still takes one host").isEqualTo(1);
    }
}
