package io.smartcloudops.agent.collect;

import java.util.List;

/**
 * New samples were stored.
 *
 * @param samples oldest first
 * @param history true when they are back-filled history (at start or after a gap), not live readings
 */
public record SamplesCollected(List<HostSample> samples, boolean history) {
    public SamplesCollected {
        samples = List.copyOf(samples);
    }
}
