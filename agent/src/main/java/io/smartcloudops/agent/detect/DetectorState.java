package io.smartcloudops.agent.detect;

import java.io.Serial;
import java.io.Serializable;

/**
 * The detector's state as immutable records of primitive arrays: what is written to disk so that a restarted agent
 * (or a host trained with {@code train}) scores at once as if it had never stopped, and what the model file holds
 * per trained host. Every record checks its arrays in its constructor, so a damaged or foreign file is refused
 * when it is read instead of failing later while scoring.
 */
public final class DetectorState {

    private DetectorState() {
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("detector state: " + what);
        }
    }

    /** {@link StepEstimator}. */
    public record Step(long[] steps, long last) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Step {
            check(steps.length <= 32, "too many steps");
            for (long s : steps) {
                check(s > 0, "steps must be positive");
            }
        }
    }

    /** {@link ScaleWindow}: capacity and values oldest first. */
    public record Window(int capacity, float[] values) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Window {
            check(capacity >= 1 && capacity <= 100_000 && values.length <= capacity, "scale window size");
        }
    }

    /** {@link BlockExtreme}: complete blocks oldest first, the current block. */
    public record Extreme(boolean max, int blockRows, int blocks, float[] filled, float current, int inBlock) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Extreme {
            check(blocks >= 1 && blocks <= 10_000 && blockRows >= 1 && filled.length <= blocks, "block extreme size");
            check(inBlock >= 0 && inBlock < blockRows, "block position");
        }
    }

    /** {@link SeasonProfile}. */
    public record Season(long period, int bins, int cycles, float[] values, char[] cycleOf, byte[] count, byte[] head, long currentKey,
                         double sum, int n, long lastCycle, float acf) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Season {
            check(period == SeasonProfile.DAY || period == SeasonProfile.WEEK, "season period");
            check(bins >= 1 && bins <= 10_000 && cycles >= 2 && cycles <= 100, "season size");
            check(values.length == bins * cycles && cycleOf.length == values.length && count.length == bins && head.length == bins,
                    "season arrays");
            for (int b = 0; b < bins; b++) {
                check(count[b] >= 0 && count[b] <= cycles && head[b] >= 0 && head[b] < cycles, "season bin counters");
            }
            check(n >= 0, "season count");
        }
    }

    /** {@link FeatureStream}: the input ring, delayed features (empty array = none), six extremes, four scale windows. */
    public record Stream(float[] ring, long rows, long fed, float[][] delayed, boolean[] keptOut, Extreme[] extremes, Window[] scales)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Stream {
            check(ring.length >= 1 && ring.length <= 10_000 && rows >= 0 && fed >= 0 && fed <= rows, "stream counters");
            check(extremes.length == 6 && scales.length == FeatureStream.FEATURES && keptOut.length == delayed.length, "stream parts");
            for (float[] d : delayed) {
                check(d.length == 0 || d.length == FeatureStream.FEATURES, "delayed features");
            }
        }
    }

    /** {@link IncidentTracker}. */
    public record Incidents(int run, boolean open, int normalRun, long openedAtRow, long openRows) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Incidents {
            check(run >= 0 && normalRun >= 0 && openRows >= 0, "incident counters");
        }
    }

    /** {@link MetricTrack}; streams and profiles are null until they exist. */
    public record Track(String metric, boolean hostUnits, Season daily, Season weekly, Stream raw, Stream seasonal,
                        boolean dailyOn, boolean weeklyOn, int active, int candidate, Window rawWindow, long[] delayedAt, float[] delayedValue,
                        boolean[] delayedKeptOut, float[] level, int levelCount, int levelHead,
                        double cusumUp, double cusumDown, double dailySq, double weeklySq, double levelSq, long rows, long lastShiftRow,
                        long lastShiftAt, long invalid,
                        double value, double expected, double novelty, double[] featureNovelty, long at) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Track {
            check(io.smartcloudops.api.Metric.fromKey(metric).isPresent(), "unknown metric " + metric);
            check(active >= 0 && active < io.smartcloudops.agent.detect.Season.values().length
                    && candidate >= 0 && candidate < io.smartcloudops.agent.detect.Season.values().length, "season");
            check(level.length >= 1 && level.length <= 20_000 && levelCount >= 0 && levelCount <= level.length
                    && levelHead >= 0 && levelHead < level.length, "level ring");
            check(featureNovelty.length == FeatureStream.FEATURES && rows >= 0, "track counters");
            check(delayedValue.length == delayedAt.length && delayedKeptOut.length == delayedAt.length, "delayed rows");
            check((daily == null) == (weekly == null), "daily and weekly profiles come together");
        }
    }

    /**
     * Per metric the range edges and peak feature values of one incident, each array empty or one value per
     * {@link MetricTrack#SLOTS slot}; null (legacy) in a state written before feedback kept feature values.
     */
    private static void checkSlots(float[][] edges, float[][] peaks, String what) {
        if (edges == null && peaks == null) {
            return;
        }
        check(edges != null && peaks != null && edges.length == peaks.length, what + ": edges and peaks per metric");
        for (int m = 0; m < edges.length; m++) {
            check(edges[m].length == peaks[m].length && (peaks[m].length == 0 || peaks[m].length == MetricTrack.SLOTS),
                    what + ": one edge and peak per feature side");
        }
    }

    /**
     * One remembered incident: start row, start and end (epoch milliseconds), and per metric and feature side the range
     * edge when it was raised and the peak feature value while that side flagged it (NaN: it did not).
     */
    public record Evidence(long startRow, long startMilli, long endMilli, float[][] edges, float[][] peaks) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Evidence {
            checkSlots(edges, peaks, "incident evidence");
        }

        /** Written by a build whose evidence held peak novelty, not feature values: it cannot serve a verdict. */
        public boolean legacy() {
            return peaks == null;
        }
    }

    /** One verdict in force: its id, verdict (ordinal) and the edges and peaks it acts on, as in {@link Evidence}. */
    public record Effect(String id, int verdict, float[][] edges, float[][] peaks) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Effect {
            check(verdict >= 0 && verdict < Verdict.values().length, "verdict");
            checkSlots(edges, peaks, "feedback effect");
        }

        /** Written by a build whose verdicts acted on peak novelty: left out when restored. */
        public boolean legacy() {
            return peaks == null;
        }
    }

    /** {@link SeriesDetector}: everything needed to go on scoring exactly where it stopped. */
    public record Series(String[] metrics, boolean hostUnits, int learningRows, Step step, Track[] tracks, Incidents incidents,
                         boolean[] inIncident, Evidence[] remembered, Evidence open, Effect[] effects, int bandRun,
                         boolean[] clearInIncident, int[] newcomerRun, long row)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Series {
            check(metrics.length >= 1 && metrics.length == tracks.length && inIncident.length == tracks.length, "metrics");
            for (int m = 0; m < metrics.length; m++) {
                check(tracks[m] != null && tracks[m].metric().equals(metrics[m]), "track " + m);
            }
            check(remembered.length <= SeriesDetector.REMEMBERED_INCIDENTS && learningRows >= 0 && bandRun >= 0 && row >= 0, "counters");
            check(clearInIncident.length == metrics.length && newcomerRun.length == metrics.length, "incident metrics");
            for (Evidence e : remembered) {
                check(e.legacy() || e.peaks().length == metrics.length, "incident evidence");
            }
            check(open == null || open.legacy() || open.peaks().length == metrics.length, "open incident evidence");
            for (Effect e : effects) {
                check(e.legacy() || e.peaks().length == metrics.length, "feedback effect");
            }
        }
    }
}
