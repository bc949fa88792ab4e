package io.smartcloudops.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The host metrics every source delivers, named as in the host CSV header
 * ({@code timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1}).
 */
public enum Metric {
    /** CPU busy, percent 0-100 of all cores. */
    CPU("cpu", "%", "CPU busy"),
    /** Memory in use (total minus available), percent 0-100. */
    MEM("mem", "%", "memory used"),
    /** Root filesystem used, percent 0-100. */
    DISK("disk", "%", "root filesystem used"),
    /** Time the busiest disk spent on I/O, percent 0-100. */
    DISK_IO("disk_io", "%", "disk busy"),
    /** Bytes received per second, all non-loopback interfaces. */
    NET_IN("net_in", "B/s", "network in"),
    /** Bytes sent per second, all non-loopback interfaces. */
    NET_OUT("net_out", "B/s", "network out"),
    /** One-minute load average as the kernel reports it. */
    LOAD1("load1", "", "load average (1m)");

    private final String key;
    private final String unit;
    private final String description;

    Metric(String key, String unit, String description) {
        this.key = key;
        this.unit = unit;
        this.description = description;
    }

    /** The wire name: the CSV column, the {@code metric=} query value and the JSON key. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** Whether values are percentages in 0-100. */
    public boolean isPercent() {
        return "%".equals(unit);
    }

    /** Looks a metric up by its wire name (case-insensitive); empty when unknown. */
    public static Optional<Metric> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key.equals(k)).findFirst();
    }

    /** Formats a value with its unit, e.g. {@code 97.0%}, {@code 1.2 MB/s}. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (this) {
            case CPU, MEM, DISK, DISK_IO -> String.format(Locale.ROOT, "%.1f%%", value);
            case NET_IN, NET_OUT -> formatRate(value);
            case LOAD1 -> String.format(Locale.ROOT, "%.2f", value);
        };
    }

    private static String formatRate(double bytesPerSecond) {
        double v = bytesPerSecond;
        String[] units = {"B/s", "KB/s", "MB/s", "GB/s"};
        int i = 0;
        while (Math.abs(v) >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, i == 0 ? "%.0f %s" : "%.1f %s", v, units[i]);
    }
}
