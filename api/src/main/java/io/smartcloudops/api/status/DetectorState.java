package io.smartcloudops.api.status;

import java.time.Instant;
import java.util.List;

/**
 * What the detector is doing for one host ({@code /status}, per host).
 *
 * @param phase               {@code learning} or {@code scoring}
 * @param learningSamplesLeft samples still to learn before the host is scored (0 once scoring)
 * @param learningSecondsLeft the same in seconds at the host's own sampling interval (0 once scoring)
 * @param labels              the state in words: {@code learning} or {@code scoring}, then any of
 *                            {@code daily season found}, {@code weekly season found}, {@code level just shifted}
 * @param metrics             per metric (empty while learning)
 */
public record DetectorState(String phase, int learningSamplesLeft, long learningSecondsLeft, List<String> labels,
                            List<MetricState> metrics) {

    /**
     * One metric of the host.
     *
     * @param metric           the metric key
     * @param season           the cycle its expected value follows: {@code none}, {@code daily} or {@code weekly}
     * @param lastLevelShift   when its level last shifted for good (absent when never)
     * @param levelJustShifted whether that shift is recent
     */
    public record MetricState(String metric, String season, Instant lastLevelShift, boolean levelJustShifted) {
    }
}
