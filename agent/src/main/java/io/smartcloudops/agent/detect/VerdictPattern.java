package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a verdict acts on, apart from the incident it was given on: per metric and feature side that flagged the
 * incident, the range edge it was measured against and its peak, in the feature's own units. Kept with the verdict
 * (the audit record's {@code pattern} parameter), so a detector that learns a host again from scratch (its saved state
 * refused after an upgrade of the settings, damaged, or not kept: {@code detect.state_dir none}) still knows what an
 * operator marked.
 *
 * <p>Text form, one side after the other: {@code cpu:spike_up=16.1>98.2;load1:level_up=0.61>2.49}; a side is
 * {@code spike_up}, {@code dip_down}, {@code level_up}, {@code level_down}, {@code spread_up} or {@code spread_down},
 * with {@code _residuals} when it was judged on the residuals from a daily or weekly profile. Numbers are written so
 * that they read back exactly.
 */
public record VerdictPattern(List<Side> sides) {

    private static final String[] FEATURES = {"spike", "level", "spread", "dip"};
    private static final String RESIDUALS = "_residuals";

    /** One feature side of one metric: its slot ({@link MetricTrack#SLOTS}), the edge and the peak. */
    public record Side(Metric metric, int slot, float edge, float peak) {

        public Side {
            if (slot < 0 || slot >= MetricTrack.SLOTS || name(slot) == null) {
                throw new IllegalArgumentException("no feature side " + slot);
            }
            if (!Float.isFinite(edge) || !Float.isFinite(peak)) {
                throw new IllegalArgumentException(metric.key() + ":" + name(slot) + " needs a finite edge and peak");
            }
            if (slot % 2 == 0 ? peak <= edge : peak >= edge) {
                throw new IllegalArgumentException(metric.key() + ":" + name(slot) + " peak " + peak + " does not lie "
                        + (slot % 2 == 0 ? "above" : "below") + " its edge " + edge);
            }
        }
    }

    public VerdictPattern {
        sides = List.copyOf(sides);
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("a verdict pattern needs at least one feature side");
        }
    }

    /** The text form (see the class comment). */
    public String format() {
        List<String> out = new ArrayList<>();
        for (Side s : sides) {
            out.add(s.metric().key() + ":" + name(s.slot()) + "=" + s.edge() + ">" + s.peak());
        }
        return String.join(";", out);
    }

    /**
     * Reads the text form back.
     *
     * @throws IllegalArgumentException naming the part that is not a metric, a feature side or a pair of numbers
     */
    public static VerdictPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty verdict pattern");
        }
        List<Side> sides = new ArrayList<>();
        for (String part : text.split(";")) {
            int colon = part.indexOf(':');
            int eq = part.indexOf('=');
            int gt = part.indexOf('>');
            if (colon < 1 || eq < colon || gt < eq) {
                throw new IllegalArgumentException("'" + part + "' is not metric:side=edge>peak");
            }
            String key = part.substring(0, colon);
            Metric metric = Metric.fromKey(key).orElseThrow(() -> new IllegalArgumentException("unknown metric '" + key + "'"));
            String side = part.substring(colon + 1, eq);
            int slot = slot(side);
            if (slot < 0) {
                throw new IllegalArgumentException("unknown feature side '" + side + "'");
            }
            try {
                sides.add(new Side(metric, slot, Float.parseFloat(part.substring(eq + 1, gt)), Float.parseFloat(part.substring(gt + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "' does not have numbers for its edge and peak");
            }
        }
        return new VerdictPattern(sides);
    }

    /** The name of a slot, or null for the two sides no feature is judged on (spike down, dip up). */
    static String name(int slot) {
        int side = slot % FeatureStream.SIDES;
        int feature = side / 2;
        boolean up = side % 2 == 0;
        if ((feature == FeatureStream.SPIKE_UP && !up) || (feature == FeatureStream.SPIKE_DOWN && up)) {
            return null;
        }
        return FEATURES[feature] + (up ? "_up" : "_down") + (slot >= FeatureStream.SIDES ? RESIDUALS : "");
    }

    private static int slot(String name) {
        for (int k = 0; k < MetricTrack.SLOTS; k++) {
            if (name.toLowerCase(Locale.ROOT).equals(name(k))) {
                return k;
            }
        }
        return -1;
    }
}
