package io.smartcloudops.agent.chat.adapters;

import io.smartcloudops.agent.chat.tools.DetectorBands;
import io.smartcloudops.agent.chat.tools.ToolOutput;
import io.smartcloudops.agent.detect.ExpectedBand;
import io.smartcloudops.api.Metric;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chat's view of the detector's expected bands, the ones {@code smartcloudops_band_*} exports. Wire it with the
 * detector's read: {@code new OnlineDetectorBands(detector::bands)}.
 */
public final class OnlineDetectorBands implements DetectorBands {

    private final Function<String, Map<Metric, ExpectedBand>> bands;

    public OnlineDetectorBands(Function<String, Map<Metric, ExpectedBand>> bands) {
        this.bands = bands;
    }

    @Override
    public Optional<ToolOutput.Band> band(String host, Metric metric) {
        ExpectedBand b = bands.apply(host).get(metric);
        if (b == null) {
            return Optional.empty();
        }
        return Optional.of(new ToolOutput.Band(b.expected(), b.lower(), b.upper(), metric.format(b.expected()),
                metric.format(b.lower()), metric.format(b.upper()), b.basis().key(), b.at()));
    }
}
