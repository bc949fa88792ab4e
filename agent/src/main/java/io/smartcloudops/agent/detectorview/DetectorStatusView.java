package io.smartcloudops.agent.detectorview;

import io.smartcloudops.agent.detect.HostState;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.agent.status.HostDetectorState;
import io.smartcloudops.api.status.DetectorState;
import java.time.Duration;
import java.util.Optional;

/** What {@code /status} shows of the detector per host: phase and score, and the state in detail ({@link DetectorState}). */
public final class DetectorStatusView implements HostDetectorState {

    private final OnlineDetector detector;

    public DetectorStatusView(OnlineDetector detector) {
        this.detector = detector;
    }

    @Override
    public Optional<String> phase(String host) {
        return detector.phase(host);
    }

    @Override
    public Optional<Double> score(String host) {
        return detector.score(host);
    }

    @Override
    public Optional<DetectorState> detail(String host) {
        return detector.state(host).map(DetectorStatusView::toApi);
    }

    static DetectorState toApi(HostState s) {
        Duration left = s.learningTimeLeft();
        long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
        return new DetectorState(s.phase() == HostState.Phase.LEARNING ? "learning" : "scoring", s.learningSamplesLeft(),
                seconds, s.labels(), s.metrics().stream().map(m -> new DetectorState.MetricState(m.metric().key(),
                m.season().key(), m.lastLevelShift(), m.levelJustShifted())).toList());
    }
}
