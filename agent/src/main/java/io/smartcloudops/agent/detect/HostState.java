package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the detector is doing for one host, for {@code /status}: learning (and how long until it scores),
 * scoring, and per metric whether a daily or weekly cycle was found and whether its level just shifted.
 *
 * @param host                the host
 * @param phase               learning or scoring
 * @param learningSamplesLeft samples still to learn before scoring (0 once scoring)
 * @param learningTimeLeft    the same at the host's sampling interval (zero once scoring)
 * @param metrics             per metric, in the host's metric order (empty while learning)
 */
public record HostState(String host, Phase phase, int learningSamplesLeft, Duration learningTimeLeft, List<MetricState> metrics) {

    /** Learning first, then scoring. */
    public enum Phase {
        LEARNING, SCORING
    }

    /**
     * One metric's state.
     *
     * @param season         the cycle its expected value follows
     * @param lastLevelShift when its level last shifted for good (a change point adopted as the new normal);
     *                       null when never
     * @param levelJustShifted whether that was recent (within the detector's level-shift memory)
     */
    public record MetricState(Metric metric, Season season, Instant lastLevelShift, boolean levelJustShifted) {
    }

    public HostState {
        metrics = List.copyOf(metrics);
    }

    public boolean season(Season s) {
        return metrics.stream().anyMatch(m -> m.season() == s);
    }

    public boolean levelJustShifted() {
        return metrics.stream().anyMatch(MetricState::levelJustShifted);
    }

    /** The words of {@code /status}: learning, scoring, daily season found, weekly season found, level just shifted. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        out.add(phase == Phase.LEARNING ? "learning" : "scoring");
        if (season(Season.DAILY)) {
            out.add("daily season found");
        }
        if (season(Season.WEEKLY)) {
            out.add("weekly season found");
        }
        if (levelJustShifted()) {
            out.add("level just shifted");
        }
        return out;
    }
}
