package io.smartcloudops.agent.collect;

/**
 * Increase of a monotonic counter between two readings, with Prometheus's reset rule: a value lower
 * than the previous one means the counter restarted from zero, so the increase is the new value.
 */
public final class CounterRate {

    private CounterRate() {
    }

    public static double increase(double previous, double current) {
        return current >= previous ? current - previous : current;
    }

    /** Per-second rate; NaN when no time has passed. */
    public static double perSecond(double previous, double current, double seconds) {
        return seconds > 0 ? increase(previous, current) / seconds : Double.NaN;
    }
}
