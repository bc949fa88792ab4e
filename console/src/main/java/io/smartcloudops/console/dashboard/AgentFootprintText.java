package io.smartcloudops.console.dashboard;

import java.util.Locale;
import java.util.Map;

/**
 * One line about what the agent itself costs its host, from {@code /status} {@code components.agent}, shown on
 * the dashboard next to the host figures: "agent: 92 MB resident, heap 31 of 64 MB, CPU 0.4 %". CPU is the
 * share of one core between two statuses (since the agent's start for the first one).
 */
final class AgentFootprintText {

    private double lastCpuSeconds = Double.NaN;
    private long lastUptimeSeconds;

    /** The line for this status, or empty when the agent does not report its footprint (an older agent). */
    String update(Object component, long uptimeSeconds) {
        if (!(component instanceof Map<?, ?> agent)) {
            return "";
        }
        StringBuilder text = new StringBuilder("agent:");
        Double rss = number(agent.get("resident_bytes"));
        if (rss != null) {
            text.append(String.format(Locale.ROOT, " %.0f MB resident,", rss / 1048576));
        }
        Double heap = number(agent.get("heap_used_bytes"));
        Double max = number(agent.get("heap_max_bytes"));
        if (heap != null) {
            text.append(String.format(Locale.ROOT, " heap %.0f", heap / 1048576))
                    .append(max == null ? " MB" : String.format(Locale.ROOT, " of %.0f MB", max / 1048576));
        }
        Double cpu = number(agent.get("cpu_seconds_total"));
        if (cpu != null) {
            double since = Double.isNaN(lastCpuSeconds) ? 0 : lastCpuSeconds;
            long seconds = uptimeSeconds - (Double.isNaN(lastCpuSeconds) ? 0 : lastUptimeSeconds);
            if (seconds > 0) {
                text.append(String.format(Locale.ROOT, ", CPU %.1f %%", 100 * (cpu - since) / seconds));
                lastCpuSeconds = cpu;
                lastUptimeSeconds = uptimeSeconds;
            }
        }
        return text.toString();
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }
}
