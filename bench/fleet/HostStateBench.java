import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SampleResolution;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.detect.AnomalyLog;
import io.smartcloudops.agent.detect.AnomalyStore;
import io.smartcloudops.agent.detect.DetectorModel;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.agent.detectorview.BandRecorder;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Metric;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one watched host holds in the agent's heap once it is scoring with a full retention, by part: HOSTS simulated
 * hosts (seven metrics at the collector's resolution, a daily wave plus noise, different per host) fed every 5 s of
 * sample time for DAYS days through the agent's own parts: the series store (24 h retention), the online detector
 * (one SeriesDetector per host, as `serve` runs it) and the band recorder (GET /series/band), all on one bus.
 * Then: the heap after full GCs against the empty heap (per host), and the same objects counted field by field
 * (a reflective walk of each host's state; 12-byte headers, 4-byte references, 8-byte alignment) and attributed to
 * the part that holds them. Objects shared by all hosts (settings, enums) are not counted.
 * Run (from the worktree root, after `./mvnw -B -q -pl api,agent package -DskipTests`):
 *   java -Xmx4g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
 *     --add-opens java.base/java.time=ALL-UNNAMED \
 *     --add-opens java.base/java.util.concurrent=ALL-UNNAMED -cp agent/target/smartcloudops-agent.jar \
 *     bench/fleet/HostStateBench.java [HOSTS=20] [DAYS=3] [raw_retention=1h] [knob=value ...]
 * Knobs (detector settings by their model-card names, e.g. scale_samples=144) change the detector's settings, to see
 * what a setting would save. raw_retention is the store's (store.raw_retention; default 1h, 24h = raw only).
 */
public class HostStateBench {

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DetectorSettings settings = DetectorSettings.defaults();
        Duration rawRetention = SeriesStore.DEFAULT_RAW_RETENTION;
        boolean knobs = false;
        for (int a = 2; a < args.length; a++) {
            String[] kv = args[a].split("=", 2);
            if (kv[0].equals("raw_retention")) {
                rawRetention = Duration.parse("PT" + kv[1].toUpperCase(java.util.Locale.ROOT));
                continue;
            }
            knobs = true;
            settings = settings.with(kv[0], kv[1].equals("true") ? 1 : kv[1].equals("false") ? 0 : Double.parseDouble(kv[1]));
        }
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        MutableClock clock = new MutableClock(t0);
        long before = usedHeap();
        EventBus bus = new EventBus();
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(24), rawRetention, Duration.ofSeconds(5), 100_000, "bench");
        OnlineDetector detector = new OnlineDetector(DetectorModel.untrained(settings),
                new OnlineDetector.ModelSource("", null, "bench", Map.of()), 120,
                new AnomalyLog(Files.createTempDirectory("host-state-bench"), 0), new AnomalyStore(100), bus, new PrometheusRegistry());
        BandRecorder bands = new BandRecorder(detector, bus, Duration.ofSeconds(5), Duration.ofHours(24));
        Random[] random = new Random[hosts];
        double[] walk = new double[hosts];
        for (int h = 0; h < hosts; h++) {
            random[h] = new Random(h);
        }
        long rows = days * 17_280L;
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (long i = 0; i < rows; i++) {
            Instant t = t0.plusMillis(5_000 * i + random[0].nextInt(7));
            clock.now = t;
            List<HostSample> batch = new ArrayList<>(hosts);
            double day = 2 * Math.PI * (i % 17_280) / 17_280.0;
            for (int h = 0; h < hosts; h++) {
                Random r = random[h];
                double w = Math.sin(day + h);
                walk[h] = Math.max(-5, Math.min(5, walk[h] + r.nextGaussian() * 0.05));
                Map<Metric, Double> v = new EnumMap<>(Metric.class);
                v.put(Metric.CPU, 25 + 10 * w + 4 * r.nextDouble());
                v.put(Metric.MEM, 50 + 3 * w + walk[h]);
                v.put(Metric.DISK, 40 + i / 17_280.0);
                v.put(Metric.DISK_IO, 5 + 3 * r.nextDouble());
                v.put(Metric.NET_IN, 100_000 + 30_000 * w + 10_000 * r.nextDouble());
                v.put(Metric.NET_OUT, 50_000 + 15_000 * w + 5_000 * r.nextDouble());
                v.put(Metric.LOAD1, 0.6 + 0.3 * w + 0.1 * r.nextDouble());
                HostSample s = SampleResolution.apply(new HostSample("host-" + h, t, v));
                store.append(s);
                batch.add(s);
            }
            bus.publish(new SamplesCollected(batch, false));
        }
        double cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e6;
        long after = usedHeap();
        System.out.printf("hosts=%d days=%d rows per host=%d; %.3f ms of CPU per host-sample (store, detector, bands)%n",
                hosts, days, rows, cpuMs / rows / hosts);
        System.out.println("store: retention 24h, raw retention " + rawRetention);
        if (knobs) {
            System.out.println("settings: " + settings);
        }
        System.out.printf("heap after full GCs: %.1f KB per host (growth %.1f MB)%n", (after - before) / 1024.0 / hosts,
                (after - before) / 1e6);
        System.out.printf("series store's own count: %.1f KB per host (%d samples a host, %d of them raw)%n",
                store.footprintBytes() / 1024.0 / hosts, store.samplesHeld() / hosts, store.rawSamplesHeld() / hosts);
        Map<String, Long> parts = new TreeMap<>();
        Walker walker = new Walker(parts);
        walker.walk(store, "series store");
        walker.walk(bands, "band history (BandRecorder)");
        walker.walk(detector, "detector");
        long total = parts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("counted by part, KB per host (total %.1f):%n", total / 1024.0 / hosts);
        parts.forEach((k, b) -> System.out.printf("  %-58s %8.1f%n", k, b / 1024.0 / hosts));
        System.out.println("phases: " + detector.status().get("hosts_scoring") + " scoring; seasons: " + seasons(detector, hosts));
        bands.close();
    }

    private static String seasons(OnlineDetector d, int hosts) {
        Map<String, Integer> count = new TreeMap<>();
        for (int h = 0; h < hosts; h++) {
            d.state("host-" + h).ifPresent(s -> s.metrics().forEach(m -> count.merge(m.season().toString(), 1, Integer::sum)));
        }
        return count.toString();
    }

    /** Counts objects reachable from a root once, attributing each to a part named by the path that reached it. */
    static final class Walker {
        private final Map<String, Long> parts;
        private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Walker(Map<String, Long> parts) {
            this.parts = parts;
        }

        void walk(Object root, String label) {
            ArrayDeque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {root, label});
            while (!work.isEmpty()) {
                Object[] item = work.pop();
                Object o = item[0];
                String part = (String) item[1];
                if (o == null || shared(o) || !seen.add(o)) {
                    continue;
                }
                Class<?> c = o.getClass();
                if (c.isArray()) {
                    int n = Array.getLength(o);
                    Class<?> e = c.getComponentType();
                    parts.merge(part, align(16 + (long) n * size(e)), Long::sum);
                    if (!e.isPrimitive()) {
                        for (int i = 0; i < n; i++) {
                            work.push(new Object[] {Array.get(o, i), part});
                        }
                    }
                    continue;
                }
                long bytes = 12;
                for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers())) {
                            continue;
                        }
                        bytes += size(f.getType());
                        if (!f.getType().isPrimitive()) {
                            try {
                                f.setAccessible(true);
                                work.push(new Object[] {f.get(o), child(part, o, f.getName())});
                            } catch (RuntimeException | IllegalAccessException ex) {
                                // a JDK class not opened to this program: its shallow size only
                            }
                        }
                    }
                }
                parts.merge(part, align(bytes), Long::sum);
            }
        }

        /** The part an object's field belongs to: the detector's pieces by the field names that hold them. */
        private static String child(String part, Object owner, String field) {
            String type = owner.getClass().getSimpleName();
            return switch (type) {
                case "MetricTrack" -> switch (field) {
                    case "daily", "weekly" -> "detector: season profile, " + field;
                    case "raw", "seasonal" -> "detector: feature stream, " + field;
                    case "rawWindow" -> "detector: value window (rawWindow)";
                    default -> "detector: metric track, own arrays";
                };
                case "FeatureStream" -> switch (field) {
                    case "scales" -> part + ": scale windows";
                    case "spikeHigh", "spikeLow", "levelHigh", "levelLow", "spreadHigh", "spreadLow" -> part + ": horizon extremes";
                    case "delayed", "delayedKeptOut" -> part + ": delay ring";
                    default -> part + ": inputs and features";
                };
                case "SeriesDetector" -> field.equals("tracks") ? "detector: metric track, own arrays"
                        : "detector: incidents, feedback, step";
                case "HostTrack" -> field.equals("detector") ? part : "detector: host track (recent, feedback, last)";
                case "HostSeries" -> field.equals("minuteBlocks") ? "series store: minute rows" : "series store: raw samples";
                default -> part;
            };
        }

        private static boolean shared(Object o) {
            return o instanceof Enum<?> || o instanceof Class<?> || o instanceof DetectorSettings || o instanceof Clock
                    || o instanceof EventBus || o instanceof PrometheusRegistry || o instanceof ZoneId || o instanceof Thread
                    || o.getClass().getName().startsWith("io.prometheus") || o.getClass().getName().startsWith("org.slf4j")
                    || o.getClass().getName().startsWith("ch.qos");
        }

        private static long size(Class<?> t) {
            if (t == long.class || t == double.class) {
                return 8;
            }
            if (t == int.class || t == float.class) {
                return 4;
            }
            if (t == short.class || t == char.class) {
                return 2;
            }
            if (t == byte.class || t == boolean.class) {
                return 1;
            }
            return 4;  // compressed reference
        }

        private static long align(long b) {
            return (b + 7) & ~7L;
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
