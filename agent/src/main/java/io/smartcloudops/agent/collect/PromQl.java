package io.smartcloudops.agent.collect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.time.DurationText;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * PromQL for each {@link Metric}, following node_exporter's metric names, one series per
 * {@code instance}. Percentages are 0-100 like the host CSV.
 */
public final class PromQl {

    /** Filesystems that are not the root disk (in-memory, overlays of containers). */
    private static final String ROOT_FS = "mountpoint=\"/\",fstype!~\"tmpfs|ramfs|rootfs\"";
    /** Network devices that carry no host traffic. */
    private static final String REAL_NICS = "device!~\"lo|veth.*|docker.*|br-.*|virbr.*\"";

    private PromQl() {
    }

    /** The query for one metric; {@code rateWindow} is the range of {@code rate()}. */
    public static String query(Metric metric, Duration rateWindow) {
        String range = DurationText.format(rateWindow);
        String w = "[" + range + "]";
        return switch (metric) {
            case CPU -> covered("100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}" + w + ")))", range);
            case MEM -> fresh("100 * (1 - max by (instance) (node_memory_MemAvailable_bytes) / max by (instance) (node_memory_MemTotal_bytes))",
                    rateWindow);
            case DISK -> fresh("100 * (1 - max by (instance) (node_filesystem_avail_bytes{" + ROOT_FS + "})"
                    + " / max by (instance) (node_filesystem_size_bytes{" + ROOT_FS + "}))", rateWindow);
            case DISK_IO -> covered("100 * max by (instance) (rate(node_disk_io_time_seconds_total" + w + "))", range);
            case NET_IN -> covered("sum by (instance) (rate(node_network_receive_bytes_total{" + REAL_NICS + "}" + w + "))", range);
            case NET_OUT -> covered("sum by (instance) (rate(node_network_transmit_bytes_total{" + REAL_NICS + "}" + w + "))", range);
            case LOAD1 -> fresh("max by (instance) (node_load1)", rateWindow);
        };
    }

    /**
     * Drops a gauge at instants when its target was not scraped lately. A Prometheus that was itself down (or
     * restarted) scraped nothing meanwhile, yet answers every step of a range query inside that gap with the last
     * value before it (its 5-minute lookback): back-filling the gap turned it into a flat line nobody measured
     * (seen: six memory samples of 10.2 % over a 30 s Prometheus restart). A value counts as stale when the newest
     * scrape of its instance ({@code up}) is older than twice the scrape interval seen in the window before, or
     * older than the window itself ({@code rate_window}, at least two scrape intervals); a fresh Prometheus, with
     * no window before, is judged by the second rule only.
     */
    static String fresh(String gauge, Duration rateWindow) {
        String range = DurationText.format(rateWindow);
        String seconds = BigDecimal.valueOf(rateWindow.toMillis(), 3).stripTrailingZeros().toPlainString();
        String age = "(time() - timestamp(up))";
        return "(" + gauge + ") unless on (instance) ((" + age + " > " + seconds + ") or (" + age + " > 2 * " + seconds
                + " / count_over_time(up[" + range + "] offset " + range + ")))";
    }

    /**
     * Keeps a rate only for instances whose whole window was scraped: no failed scrape in it, and about as
     * many scrapes as in the window before it. {@code rate()} divides the increase it sees by the whole
     * window, so a window with scrapes missing (the exporter or Prometheus was down, or just came back)
     * reads low: the CPU of a host that is merely not being scraped appeared to climb towards 100 % and
     * fall back, an anomaly made of a gap. Those instants are left out: a gap stays a gap.
     */
    static String covered(String rate, String range) {
        return "(" + rate + ") and on (instance) (min_over_time(up[" + range + "]) == 1)"
                + " and on (instance) (count_over_time(up[" + range + "]) + 1 >= count_over_time(up[" + range + "] offset " + range + "))";
    }
}
