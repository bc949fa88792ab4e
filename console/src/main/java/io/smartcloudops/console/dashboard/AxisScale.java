package io.smartcloudops.console.dashboard;

import java.util.Locale;

/**
 * A value axis from 0 with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten) labelled in a unit
 * that suits the largest value: "0, 2, 4, 6" for a load of 4.8 rather than "1.3, 2.5, 3.8, 5.0", and
 * "0, 50 KB/s, 100 KB/s" for network rates rather than "0 B, 1 B, 1 B".
 *
 * @param step  the value between ticks (in base units: percent, bytes per second, load)
 * @param steps how many steps from 0 to the top
 * @param unit  the unit the labels are written in ("" for none)
 * @param scale base units per label unit (1000 for KB/s)
 */
record AxisScale(double step, int steps, String unit, double scale) {

    private static final String[] RATE_UNITS = {"B/s", "KB/s", "MB/s", "GB/s"};

    static AxisScale percent() {
        return new AxisScale(25, 4, "%", 1);
    }

    /** Load and other unit-less values. */
    static AxisScale plain(double max) {
        double step = niceStep(max);
        return new AxisScale(step, steps(max, step), "", 1);
    }

    /** Bytes per second, labelled in B/s, KB/s, MB/s or GB/s (1000-based, as the tiles and the chat write them). */
    static AxisScale bytesPerSecond(double max) {
        int i = 0;
        double scale = 1;
        while (max / scale >= 1000 && i < RATE_UNITS.length - 1) {
            scale *= 1000;
            i++;
        }
        double step = niceStep(max / scale);
        if (i == 0) {
            step = Math.max(1, step); // no tenths of a byte
        }
        return new AxisScale(step * scale, steps(max / scale, step), RATE_UNITS[i], scale);
    }

    /** The top of the axis. */
    double top() {
        return step * steps;
    }

    /** The label of a tick value (in base units). */
    String label(double value) {
        double v = value / scale;
        double s = step / scale;
        int decimals = 0;
        while (decimals < 6 && Math.abs(s * Math.pow(10, decimals) - Math.rint(s * Math.pow(10, decimals))) > 1e-6) {
            decimals++; // as many as the step needs: 0.25 -> 2, 2.5 -> 1, 50 -> 0
        }
        String number = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (unit.isEmpty()) {
            return number;
        }
        return "%".equals(unit) ? number + "%" : number + " " + unit;
    }

    private static double niceStep(double max) {
        double raw = (max <= 0 ? 1 : max * 1.05) / 4;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * pow;
    }

    private static int steps(double max, double step) {
        return Math.max(1, (int) Math.ceil((max <= 0 ? 1 : max * 1.05) / step - 1e-9));
    }
}
