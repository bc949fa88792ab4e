package io.smartcloudops.console.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the chart's marker labels go: on rows from the plot's top, beside their marker, so that no label covers another
 * label, the legend or a marker line. The detail's "critical" and "ended" sit a few pixels apart at the plot's right
 * edge: placed only apart from each other, "ended" went left of its marker across the "critical" line, and both read
 * as one struck-through word. A label that finds no place clear of every line takes the first clear of the other
 * labels (it is drawn on a background, so the line breaks under it rather than through it); one that finds neither is
 * left out, its dashed line stays.
 */
final class MarkerLabels {

    /** Pixels kept between a label and another label, or its own marker. */
    static final double GAP = 3;
    /** Pixels kept between a label and another marker's line: two lines 45 px apart hold "ended" between them. */
    static final double LINE_GAP = 2;

    /**
     * A label placed: its left and right edges and its row (0 at the plot's top).
     *
     * @param clearOfLines false when it had to be placed across another marker's line
     */
    record Placed(double x0, double x1, int row, boolean clearOfLines) {
    }

    private MarkerLabels() {
    }

    /**
     * @param markerXs   each marker's x
     * @param widths     each marker's label width, same order
     * @param plotLeft   the plot's left edge
     * @param maxX       the furthest right a label may reach (the chart's edge)
     * @param rows       rows available
     * @param legend     the legend's span on row 0 ({x0, x1}), or null
     * @return one entry per marker, null where the label is left out
     */
    static List<Placed> place(double[] markerXs, double[] widths, double plotLeft, double maxX, int rows, double[] legend) {
        List<Placed> taken = new ArrayList<>();
        if (legend != null) {
            taken.add(new Placed(legend[0], legend[1], 0, true));
        }
        List<Placed> out = new ArrayList<>();
        for (int i = 0; i < markerXs.length; i++) {
            double x = markerXs[i];
            double w = widths[i];
            Placed best = null;
            Placed fallback = null;
            // beside its own marker on any row first, then beyond the lines next to it
            for (List<Double> tier : candidates(markerXs, i, w, plotLeft, maxX)) {
                for (int row = 0; row < rows && best == null; row++) {
                    for (double x0 : tier) {
                        if (overlaps(taken, x0, x0 + w, row)) {
                            continue;
                        }
                        if (clearOfLines(markerXs, i, x0, x0 + w)) {
                            best = new Placed(x0, x0 + w, row, true);
                            break;
                        }
                        if (fallback == null) {
                            fallback = new Placed(x0, x0 + w, row, false);
                        }
                    }
                }
                if (best != null) {
                    break;
                }
            }
            if (best == null && fallback == null) {
                // wider than the room on either side: against the plot's edge, as before
                double x0 = x + GAP + w <= maxX ? x + GAP : Math.max(plotLeft, x - GAP - w);
                for (int row = 0; row < rows && fallback == null; row++) {
                    if (!overlaps(taken, x0, x0 + w, row)) {
                        fallback = new Placed(x0, x0 + w, row, clearOfLines(markerXs, i, x0, x0 + w));
                    }
                }
            }
            Placed p = best != null ? best : fallback;
            if (p != null) {
                taken.add(p);
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Left edges to try for marker {@code i}'s label, best first: right of its marker (up to the chart's edge: its right
     * margin is free, the values are on the left), left of it, then left and right of the next lines it would cross
     * (two markers seconds apart: "ended" left of both lines rather than across "critical"'s).
     */
    private static List<List<Double>> candidates(double[] xs, int i, double w, double plotLeft, double maxX) {
        double x = xs[i];
        List<Double> beside = new ArrayList<>();
        double right = Math.min(x + GAP, maxX - w);
        if (right >= x + 1) {
            beside.add(right);
        }
        beside.add(x - GAP - w);
        List<Double> beyond = new ArrayList<>();
        double x1 = x - GAP;
        for (double blocking = lineIn(xs, i, x1 - w, x1); !Double.isNaN(blocking); blocking = lineIn(xs, i, x1 - w, x1)) {
            x1 = blocking - GAP;
        }
        beyond.add(x1 - w);
        double x0 = x + GAP;
        for (double blocking = lineIn(xs, i, x0, x0 + w); !Double.isNaN(blocking); blocking = lineIn(xs, i, x0, x0 + w)) {
            x0 = blocking + GAP;
        }
        beyond.add(x0);
        return List.of(within(beside, w, plotLeft, maxX), within(beyond, w, plotLeft, maxX));
    }

    private static List<Double> within(List<Double> lefts, double w, double plotLeft, double maxX) {
        return lefts.stream().filter(c -> c >= plotLeft && c + w <= maxX).distinct().toList();
    }

    /** The x of a marker line other than {@code own} within {@link #LINE_GAP} of {@code [x0, x1]}, else NaN. */
    private static double lineIn(double[] xs, int own, double x0, double x1) {
        for (int j = 0; j < xs.length; j++) {
            if (j != own && xs[j] > x0 - LINE_GAP && xs[j] < x1 + LINE_GAP) {
                return xs[j];
            }
        }
        return Double.NaN;
    }

    private static boolean clearOfLines(double[] markerXs, int own, double x0, double x1) {
        return Double.isNaN(lineIn(markerXs, own, x0, x1));
    }

    private static boolean overlaps(List<Placed> taken, double x0, double x1, int row) {
        for (Placed p : taken) {
            if (p.row() == row && x0 < p.x1() + GAP && p.x0() < x1 + GAP) {
                return true;
            }
        }
        return false;
    }
}
