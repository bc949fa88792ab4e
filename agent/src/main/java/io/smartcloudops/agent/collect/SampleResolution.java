package io.smartcloudops.agent.collect;

import io.smartcloudops.api.Metric;
import java.util.EnumMap;
import java.util.Map;

/**
 * The resolution every collected value is kept at: percentages to 0.001 points, byte rates to 1 B/s, the
 * load average to 0.01 (as the kernel reports it). Sources compute ratios and rates at full double
 * precision, 16 digits no instrument behind them measures; rounded to these steps a value is a short
 * decimal, which the series store keeps in about 1.7 bytes instead of 6 to 8 (bench/store: 12 against
 * 49 bytes per sample of seven metrics). Applied once, where samples enter the agent, so the store, the
 * detector, the rules and every API see the same numbers.
 */
public final class SampleResolution {

    private static final double[] SCALE = new double[Metric.values().length];

    static {
        for (Metric m : Metric.values()) {
            SCALE[m.ordinal()] = switch (m) {
                case CPU, MEM, DISK, DISK_IO -> 1_000;
                case NET_IN, NET_OUT -> 1;
                case LOAD1 -> 100;
            };
        }
    }

    private SampleResolution() {
    }

    public static HostSample apply(HostSample sample) {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        boolean changed = false;
        for (Map.Entry<Metric, Double> e : sample.values().entrySet()) {
            double v = e.getValue();
            double r = round(v, SCALE[e.getKey().ordinal()]);
            changed |= Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(v);
            out.put(e.getKey(), r);
        }
        return changed ? new HostSample(sample.host(), sample.timestamp(), out) : sample;
    }

    /** {@code v} to the nearest multiple of {@code 1 / scale}; values too large for that are kept as they are. */
    static double round(double v, double scale) {
        double scaled = v * scale;
        if (!(Math.abs(scaled) < 0x1p53)) {
            return v;
        }
        double r = Math.round(scaled) / scale;
        return r == 0 ? 0.0 : r;  // no -0.0: a reading of zero is zero
    }
}
