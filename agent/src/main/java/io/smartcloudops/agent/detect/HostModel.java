package io.smartcloudops.agent.detect;

import java.io.Serial;
import java.io.Serializable;

/**
 * A host's model fitted by {@code train} on its exported history, so the agent scores that host from its
 * first sample instead of learning first.
 *
 * @param host  host name as the sources name it (Prometheus {@code instance}, replay file name)
 * @param model the fitted state
 */
public record HostModel(String host, SeriesModel model) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public HostModel {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host name is required");
        }
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
    }
}
