package io.smartcloudops.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostCapacityTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aHostCostsItsSamplesAtFullRetentionPlusItsDetectorState() {
        assertThat(HostCapacity.bytesPerHost(Duration.ofHours(24), Duration.ofSeconds(5)))
                .as("1 h of raw samples, 10 minutes of stagger and two blocks waiting x 14 B + 23 h of minute rows x 36 B + 256 KB")
                .isEqualTo(1_080 * 14 + 1_380 * 36 + 256 * 1024);
        assertThat(HostCapacity.bytesPerHost(Duration.ofHours(24), Duration.ofSeconds(1)))
                .as("five times the raw samples at 1 s, the same minute rows").isEqualTo(4_440 * 14 + 1_380 * 36 + 256 * 1024);
        assertThat(HostCapacity.bytesPerHost(Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(5)))
                .as("store.raw_retention at the retention: every sample raw").isEqualTo(17_280 * 14 + 256 * 1024);
        assertThat(HostCapacity.bytesPerHost(Duration.ofHours(2), Duration.ofHours(1), Duration.ofSeconds(5)))
                .as("2 h retention, 1 h raw").isEqualTo(1_080 * 14 + 60 * 36 + 256 * 1024);
    }

    @Test
    void theRuleAssumesTheConfigurationsDefaultRawRetention() {
        assertThat(io.smartcloudops.agent.config.StoreConfig.defaults().rawRetention()).isEqualTo(SeriesStore.DEFAULT_RAW_RETENTION);
    }

    @Test
    void theHeapBeyondTheAgentsOwn40MbIsSharedByTheHosts() {
        assertThat(HostCapacity.hostsFor(1024 * MB, Duration.ofHours(24), Duration.ofSeconds(5)))
                .as("(1024 - 40) MB / 0.31 MB").isEqualTo(3155);
        assertThat(HostCapacity.hostsFor(1024 * MB, Duration.ofHours(1), Duration.ofSeconds(5)))
                .as("a retention within store.raw_retention: raw samples and the detector state, 984 MB / 0.26 MB").isEqualTo(3790);
        assertThat(HostCapacity.hostsFor(32 * MB, Duration.ofHours(24), Duration.ofSeconds(5)))
                .as("a heap smaller than the agent's own still takes one host").isEqualTo(1);
    }
}
