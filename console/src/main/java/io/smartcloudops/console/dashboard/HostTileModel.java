package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.status.DetectorState;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/** The tile row of one host: latest CPU, memory and disk, and the detector's view of it. */
public final class HostTileModel {

    private final String host;
    private final DoubleProperty cpu = new SimpleDoubleProperty(this, "cpu", Double.NaN);
    private final DoubleProperty mem = new SimpleDoubleProperty(this, "mem", Double.NaN);
    private final DoubleProperty disk = new SimpleDoubleProperty(this, "disk", Double.NaN);
    private final DoubleProperty anomalyScore = new SimpleDoubleProperty(this, "anomalyScore", Double.NaN);
    private final ReadOnlyStringWrapper detectorText = new ReadOnlyStringWrapper(this, "detectorText", "");

    public HostTileModel(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    void update(Metric m, double value) {
        switch (m) {
            case CPU -> cpu.set(value);
            case MEM -> mem.set(value);
            case DISK -> disk.set(value);
            default -> {
            }
        }
    }

    void detector(String phase, Double score) {
        detector(phase, score, null);
    }

    /** The same with the detector's detailed state (time left to learn, seasons, level shifts), when the agent gives it. */
    void detector(String phase, Double score, DetectorState state) {
        anomalyScore.set(score == null ? Double.NaN : score);
        detectorText.set(describeDetector(phase, score, state));
    }

    /** {@link #describeDetector(String, Double)} with the learning time left, or the seasons and shifts found. */
    static String describeDetector(String phase, Double score, DetectorState state) {
        String text = describeDetector(phase, score);
        if (state == null || phase == null) {
            return text;
        }
        if ("learning".equals(phase)) {
            long s = state.learningSecondsLeft();
            return s <= 0 ? text : text + " (" + (s >= 90 ? Math.round(s / 60.0) + " min" : s + " s") + " left)";
        }
        List<String> found = state.labels().stream().filter(l -> !l.equals("scoring") && !l.equals("learning")).toList();
        return found.isEmpty() ? text : text + ", " + String.join(", ", found);
    }

    /** What the anomaly tile says under its gauge. */
    static String describeDetector(String phase, Double score) {
        if (phase == null) {
            return "no detector on this agent";
        }
        if ("learning".equals(phase)) {
            return "learning this host's normal";
        }
        if (score == null) {
            return phase;
        }
        return String.format(Locale.ROOT, "score %.2f (%s)", score, phase);
    }

    public ReadOnlyDoubleProperty cpuProperty() {
        return cpu;
    }

    public ReadOnlyDoubleProperty memProperty() {
        return mem;
    }

    public ReadOnlyDoubleProperty diskProperty() {
        return disk;
    }

    public ReadOnlyDoubleProperty anomalyScoreProperty() {
        return anomalyScore;
    }

    public ReadOnlyStringProperty detectorTextProperty() {
        return detectorText.getReadOnlyProperty();
    }
}
