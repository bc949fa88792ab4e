package io.smartcloudops.agent.collect;

import io.smartcloudops.api.Metric;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * This machine, through OSHI: CPU busy between two calls, memory used, root filesystem used, the
 * busiest disk's busy time, network bytes per second (loopback excluded) and the 1-minute load.
 * Rates need two calls, so the first sample carries only the gauges.
 */
public final class LocalSource implements MetricSource {

    private final Clock clock;
    private final String host;
    private final HardwareAbstractionLayer hardware;
    private final Path root;
    private long[] previousTicks;
    private Instant previousTime;
    private final Map<String, Long> previousDiskBusyMs = new HashMap<>();
    private long previousBytesIn = -1;
    private long previousBytesOut = -1;

    public LocalSource(Clock clock) {
        this.clock = clock;
        SystemInfo si = new SystemInfo();
        this.hardware = si.getHardware();
        this.host = hostName(si);
        this.root = Path.of(System.getProperty("user.dir")).getRoot();
    }

    private static String hostName(SystemInfo si) {
        String name = si.getOperatingSystem().getNetworkParams().getHostName();
        if (name == null || name.isBlank()) {
            name = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return name;
    }

    @Override
    public String spec() {
        return "local";
    }

    @Override
    public String kind() {
        return "local";
    }

    public String host() {
        return host;
    }

    @Override
    public synchronized List<HostSample> collect() throws SourceException {
        Instant now = clock.instant();
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        double elapsedSeconds = previousTime == null ? 0 : (now.toEpochMilli() - previousTime.toEpochMilli()) / 1000.0;

        CentralProcessor cpu = hardware.getProcessor();
        long[] ticks = cpu.getSystemCpuLoadTicks();
        if (previousTicks != null) {
            double load = cpu.getSystemCpuLoadBetweenTicks(previousTicks);
            if (load >= 0) {
                values.put(Metric.CPU, clampPercent(load * 100));
            }
        }
        previousTicks = ticks;

        GlobalMemory memory = hardware.getMemory();
        if (memory.getTotal() > 0) {
            values.put(Metric.MEM, clampPercent(100.0 * (memory.getTotal() - memory.getAvailable()) / memory.getTotal()));
        }

        try {
            FileStore store = Files.getFileStore(root);
            long total = store.getTotalSpace();
            if (total > 0) {
                values.put(Metric.DISK, clampPercent(100.0 * (total - store.getUsableSpace()) / total));
            }
        } catch (IOException e) {
            // a missing root filesystem reading leaves the metric absent rather than zero
        }

        double busiest = -1;
        for (HWDiskStore disk : hardware.getDiskStores()) {
            disk.updateAttributes();
            long busyMs = disk.getTransferTime();
            Long before = previousDiskBusyMs.put(disk.getName(), busyMs);
            if (before != null && elapsedSeconds > 0 && busyMs >= before) {
                busiest = Math.max(busiest, (busyMs - before) / 10.0 / elapsedSeconds);
            }
        }
        if (busiest >= 0) {
            values.put(Metric.DISK_IO, clampPercent(busiest));
        }

        long in = 0;
        long out = 0;
        for (NetworkIF nif : hardware.getNetworkIFs(false)) {
            if (isLoopback(nif)) {
                continue;
            }
            nif.updateAttributes();
            in += nif.getBytesRecv();
            out += nif.getBytesSent();
        }
        if (previousBytesIn >= 0 && elapsedSeconds > 0 && in >= previousBytesIn && out >= previousBytesOut) {
            values.put(Metric.NET_IN, (in - previousBytesIn) / elapsedSeconds);
            values.put(Metric.NET_OUT, (out - previousBytesOut) / elapsedSeconds);
        }
        previousBytesIn = in;
        previousBytesOut = out;

        double[] load = cpu.getSystemLoadAverage(1);
        if (load.length > 0 && load[0] >= 0) {
            values.put(Metric.LOAD1, load[0]);
        }
        previousTime = now;
        if (values.isEmpty()) {
            throw new SourceException("OSHI returned no readings for this machine");
        }
        return List.of(new HostSample(host, now, values));
    }

    private static boolean isLoopback(NetworkIF nif) {
        try {
            return nif.queryNetworkInterface().isLoopback() || nif.getName().equals("lo");
        } catch (java.net.SocketException | RuntimeException e) {
            return nif.getName().equals("lo");
        }
    }

    private static double clampPercent(double v) {
        return Math.max(0, Math.min(100, v));
    }
}
