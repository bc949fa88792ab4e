package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.Metric;
import java.util.Optional;

/**
 * The band the detector expects a host's metric to stay in at its latest scored sample: what the console draws behind
 * its charts ({@code /series/band}) and {@code /metrics} exports ({@code smartcloudops_band_*}).
 */
@FunctionalInterface
public interface DetectorBands {

    /** Empty while the detector still learns the host, when it is off, or when it has no band for that metric. */
    Optional<ToolOutput.Band> band(String host, Metric metric);

    /** No detector (tests, tools without an agent). */
    DetectorBands NONE = (host, metric) -> Optional.empty();
}
