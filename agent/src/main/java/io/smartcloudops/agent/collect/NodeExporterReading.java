package io.smartcloudops.agent.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The counters and gauges of one node_exporter scrape that the agent needs, summed the way
 * {@link PromQl} sums them, so both sources report the same numbers for the same node.
 */
record NodeExporterReading(
        double cpuIdleSeconds,
        double cpuTotalSeconds,
        double memAvailable,
        double memTotal,
        double rootAvail,
        double rootSize,
        Map<String, Double> diskIoSeconds,
        double netInBytes,
        double netOutBytes,
        double load1) {

    static final Set<String> NAMES = Set.of(
            "node_cpu_seconds_total", "node_memory_MemAvailable_bytes", "node_memory_MemTotal_bytes",
            "node_filesystem_avail_bytes", "node_filesystem_size_bytes", "node_disk_io_time_seconds_total",
            "node_network_receive_bytes_total", "node_network_transmit_bytes_total", "node_load1");

    private static final Pattern NOT_ROOT_FS = Pattern.compile("tmpfs|ramfs|rootfs");
    private static final Pattern VIRTUAL_NIC = Pattern.compile("lo|veth.*|docker.*|br-.*|virbr.*");

    static NodeExporterReading from(List<ExpositionParser.Sample> samples) {
        double idle = 0;
        double total = 0;
        double memAvailable = Double.NaN;
        double memTotal = Double.NaN;
        double rootAvail = Double.NaN;
        double rootSize = Double.NaN;
        Map<String, Double> disks = new HashMap<>();
        double in = 0;
        double out = 0;
        boolean anyNic = false;
        boolean anyCpu = false;
        double load1 = Double.NaN;
        for (ExpositionParser.Sample s : samples) {
            switch (s.name()) {
                case "node_cpu_seconds_total" -> {
                    anyCpu = true;
                    total += s.value();
                    if (s.label("mode").equals("idle")) {
                        idle += s.value();
                    }
                }
                case "node_memory_MemAvailable_bytes" -> memAvailable = s.value();
                case "node_memory_MemTotal_bytes" -> memTotal = s.value();
                case "node_filesystem_avail_bytes" -> {
                    if (isRoot(s)) {
                        rootAvail = Double.isNaN(rootAvail) ? s.value() : Math.max(rootAvail, s.value());
                    }
                }
                case "node_filesystem_size_bytes" -> {
                    if (isRoot(s)) {
                        rootSize = Double.isNaN(rootSize) ? s.value() : Math.max(rootSize, s.value());
                    }
                }
                case "node_disk_io_time_seconds_total" -> disks.put(s.label("device"), s.value());
                case "node_network_receive_bytes_total" -> {
                    if (!VIRTUAL_NIC.matcher(s.label("device")).matches()) {
                        in += s.value();
                        anyNic = true;
                    }
                }
                case "node_network_transmit_bytes_total" -> {
                    if (!VIRTUAL_NIC.matcher(s.label("device")).matches()) {
                        out += s.value();
                        anyNic = true;
                    }
                }
                case "node_load1" -> load1 = s.value();
                default -> {
                    // other names are filtered out by the parser
                }
            }
        }
        return new NodeExporterReading(anyCpu ? idle : Double.NaN, anyCpu ? total : Double.NaN, memAvailable, memTotal,
                rootAvail, rootSize, Map.copyOf(disks), anyNic ? in : Double.NaN, anyNic ? out : Double.NaN, load1);
    }

    private static boolean isRoot(ExpositionParser.Sample s) {
        return s.label("mountpoint").equals("/") && !NOT_ROOT_FS.matcher(s.label("fstype")).matches();
    }
}
