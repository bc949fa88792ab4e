package io.smartcloudops.agent.detect;

import java.io.Serial;
import java.io.Serializable;

/**
 * A host's detector state made by {@code train} from its exported history, so the agent scores that host from its
 * first sample, with the seasons and horizons that history shows, instead of learning first.
 *
 * @param host  host name as the sources name it (Prometheus {@code instance}, replay file name)
 * @param state the detector state after the history
 */
public record HostModel(String host, DetectorState.Series state) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    public HostModel {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host name is required");
        }
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
    }
}
