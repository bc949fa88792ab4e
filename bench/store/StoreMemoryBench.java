import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Metric;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Heap held by SeriesStore per host at the default 5 s interval with all seven metrics, for three shapes
 * of data: "decimal" (a daily wave plus noise, rounded to one decimal as the replayed CSVs and many
 * exporters give it), "full" (the same wave at full double precision, as the local collector computes
 * percentages and rates; timestamps jitter by a few ms as real collections do) and "random" (uniform
 * random doubles: the worst case for XOR encoding), and "collected": "full" at the resolution the
 * collector keeps (collect.SampleResolution). Also times queries of 15 minutes, 1 hour and 24 hours of one metric.
 * Run: java -cp agent/target/smartcloudops-agent.jar bench/store/StoreMemoryBench.java [hosts] [hours] [shape] [raw]
 * raw: the store's raw retention (store.raw_retention, e.g. 1h; older samples as minute rows); without it the store of
 * the jar's one-retention constructor (raw for the whole 24 h), so that this program also runs against older jars.
 */
public class StoreMemoryBench {

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int hours = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        String shape = args.length > 2 ? args[2] : "full";
        Instant t0 = Instant.parse("2026-11-29T00:00:00Z");
        Instant end = t0.plus(Duration.ofHours(hours));
        Clock clock = Clock.fixed(end, ZoneOffset.UTC);
        Random random = new Random(1);
        long before = usedHeap();
        SeriesStore store = args.length > 3
                ? SeriesStore.class.getConstructor(Clock.class, Duration.class, Duration.class, Duration.class, int.class,
                        String.class).newInstance(clock, Duration.ofHours(24), Duration.parse("PT" + args[3].toUpperCase()),
                        Duration.ofSeconds(5), 100_000, "bench")
                : new SeriesStore(clock, Duration.ofHours(24), Duration.ofSeconds(5), 100_000);
        int perHost = hours * 720;
        double[] level = new double[hosts];
        for (int i = 0; i < perHost; i++) {
            for (int h = 0; h < hosts; h++) {
                Instant t = t0.plusMillis(5_000L * i + (shape.equals("decimal") ? 0 : random.nextInt(7)));
                double wave = Math.sin(2 * Math.PI * i / 17_280.0 + h);
                level[h] += random.nextGaussian() * 0.1;
                Map<Metric, Double> v = new EnumMap<>(Metric.class);
                double[] raw = {25 + 10 * wave + 4 * random.nextDouble(), 50 + 3 * wave + level[h], 40 + i / 17_280.0,
                    5 + 3 * random.nextDouble(), 100_000 + 30_000 * wave + 10_000 * random.nextDouble(),
                    50_000 + 15_000 * wave + 5_000 * random.nextDouble(), 0.6 + 0.3 * wave + 0.1 * random.nextDouble()};
                for (Metric m : Metric.values()) {
                    double x = raw[m.ordinal()];
                    v.put(m, switch (shape) {
                        case "decimal" -> m == Metric.LOAD1 ? Math.round(x * 100) / 100.0 : Math.round(x * 10) / 10.0;
                        case "random" -> random.nextDouble() * 100;
                        default -> x;
                    });
                }
                HostSample sample = new HostSample("host-" + h, t, v);
                store.append(shape.equals("collected") ? atResolution(sample) : sample);
            }
        }
        long after = usedHeap();
        double samples = store.appendedTotal();
        System.out.printf("shape=%s hosts=%d hours=%d samples=%d (7 metrics each)%s%n", shape, hosts, hours, store.appendedTotal(),
                args.length > 3 ? ", raw retention " + args[3] + ", minute rows before" : ", raw only");
        System.out.printf("heap growth %.1f MB: %.1f KB per host, %.1f bytes per sample (raw arrays: 64 B)%n",
                (after - before) / 1e6, (after - before) / 1e3 / hosts, (after - before) / samples);
        System.out.printf("store's own count: %.1f KB per host, %.1f bytes per sample%n",
                store.footprintBytes() / 1e3 / hosts, store.footprintBytes() / samples);
        // queries: 15 minutes of one metric (the load benchmark's /series), 1 hour, and the whole day
        for (Duration range : new Duration[] {Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24)}) {
            int n = 0;
            long points = 0;
            for (int warm = 0; warm < 2_000; warm++) {
                points += store.series("host-" + (warm % hosts), Metric.CPU, end.minus(range)).size();
            }
            // the thread's CPU time, not wall time: on a shared machine the thread is descheduled at random
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - start < 2_000_000_000L) {
                for (int k = 0; k < 100; k++) {
                    points += store.series("host-" + (n % hosts), Metric.CPU, end.minus(range)).size();
                    n++;
                }
            }
            double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            System.out.printf("series of %s: %.1f us of CPU each, %d points each%n", range,
                    1e6 * seconds / n, store.series("host-0", Metric.CPU, end.minus(range)).size());
        }
    }

    /** collect.SampleResolution.apply, looked up by name so that this program also runs against older jars. */
    private static HostSample atResolution(HostSample sample) {
        try {
            if (resolution == null) {
                resolution = Class.forName("io.smartcloudops.agent.collect.SampleResolution").getMethod("apply", HostSample.class);
            }
            return (HostSample) resolution.invoke(null, sample);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this jar has no collect.SampleResolution: use another shape", e);
        }
    }

    private static java.lang.reflect.Method resolution;

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
