package io.smartcloudops.agent.metrics;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What this agent costs its host, for /status (the console shows it next to the host's own figures): resident
 * memory, heap, GC time, CPU time and threads. /metrics has the same from client_java's JVM and process
 * collectors ({@code process_resident_memory_bytes}, {@code jvm_memory_used_bytes}, ...).
 */
public final class AgentFootprint {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private AgentFootprint() {
    }

    /** Resident set size from /proc (Linux); empty elsewhere. */
    public static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: the figure is simply not shown
        }
        return OptionalLong.empty();
    }

    public static Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        OptionalLong rss = residentBytes();
        out.put("resident_bytes", rss.isPresent() ? rss.getAsLong() : null);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.put("heap_used_bytes", heap.getUsed());
        out.put("heap_committed_bytes", heap.getCommitted());
        out.put("heap_max_bytes", heap.getMax() < 0 ? null : heap.getMax());
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        out.put("gc_seconds_total", gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum() / 1000.0);
        out.put("cpu_seconds_total", ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0 ? os.getProcessCpuTime() / 1e9 : null);
        out.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        return out;
    }
}
