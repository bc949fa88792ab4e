package io.smartcloudops.agent.status;

import io.smartcloudops.api.status.DetectorState;
import java.util.Optional;

/** What the detector knows about a host, for {@code /status}. */
public interface HostDetectorState {

    /** {@code learning} while warming up, {@code scoring} after; empty for an unknown host. */
    Optional<String> phase(String host);

    /** Latest anomaly score in 0..1, once scoring. */
    Optional<Double> score(String host);

    /** The state in detail: time left to learn, seasons found, level shifts; empty when not known. */
    default Optional<DetectorState> detail(String host) {
        return Optional.empty();
    }
}
