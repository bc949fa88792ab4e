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
 * Heap held by SeriesStore per host-hour at the default 5 s interval with all seven metrics.
 * Run: java -cp agent/target/smartcloudops-agent.jar bench/store/StoreMemoryBench.java [hosts] [hours]
 */
public class StoreMemoryBench {

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int hours = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Instant t0 = Instant.parse("2026-11-29T00:00:00Z");
        Instant end = t0.plus(Duration.ofHours(hours));
        Clock clock = Clock.fixed(end, ZoneOffset.UTC);
        Random random = new Random(1);
        long before = usedHeap();
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(24), Duration.ofSeconds(5), 100_000);
        int perHost = hours * 720;
        for (int i = 0; i < perHost; i++) {
            Instant t = t0.plusSeconds(5L * i);
            for (int h = 0; h < hosts; h++) {
                Map<Metric, Double> v = new EnumMap<>(Metric.class);
                for (Metric m : Metric.values()) {
                    v.put(m, random.nextDouble() * 100);
                }
                store.append(new HostSample("host-" + h, t, v));
            }
        }
        long after = usedHeap();
        double hostHours = (double) hosts * hours;
        System.out.printf("hosts=%d hours=%d samples=%d%n", hosts, hours, store.appendedTotal());
        System.out.printf("heap growth: %.1f MB -> %.1f KB per host-hour (%.1f bytes per sample of 7 metrics)%n",
                (after - before) / 1e6, (after - before) / hostHours / 1e3, (after - before) / (double) store.appendedTotal());
        System.out.printf("ring arrays: %.1f KB per host-hour (arrays double as they fill: 1x-2x of the data)%n",
                store.footprintBytes() / hostHours / 1e3);
        System.out.printf("at 24 h retention: about %.1f MB per host%n", (after - before) / hostHours * 24 / 1e6);
        System.out.println(store.sampleCount("host-0"));
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
