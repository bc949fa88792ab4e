package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.status.DetectorState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The anomaly tile says how long a host still learns, and which cycles or shifts the detector found. */
class DetectorTextTest {

    @Test
    void learningSaysTheTimeLeftAndScoringWhatWasFound() {
        DetectorState learning = new DetectorState("learning", 84, 420, List.of("learning"), List.of());
        assertThat(HostTileModel.describeDetector("learning", null, learning)).isEqualTo("learning this host's normal (7 min left)");
        DetectorState almost = new DetectorState("learning", 6, 30, List.of("learning"), List.of());
        assertThat(HostTileModel.describeDetector("learning", null, almost)).isEqualTo("learning this host's normal (30 s left)");
        DetectorState seasonal = new DetectorState("scoring", 0, 0, List.of("scoring", "daily season found", "level just shifted"),
                List.of());
        assertThat(HostTileModel.describeDetector("scoring", 0.12, seasonal))
                .isEqualTo("score 0.12 (scoring), daily season found, level just shifted");
        DetectorState plain = new DetectorState("scoring", 0, 0, List.of("scoring"), List.of());
        assertThat(HostTileModel.describeDetector("scoring", 0.12, plain)).isEqualTo("score 0.12 (scoring)");
        assertThat(HostTileModel.describeDetector("scoring", 0.12, null)).as("an older agent").isEqualTo("score 0.12 (scoring)");
    }
}
