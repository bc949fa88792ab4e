import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.api.Metric;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the detector costs per host: CPU time per host-sample (all seven host metrics, one thread, percentiles over
 * every sample) and the memory of a host's state, with and without seasons.
 *
 * <pre>
 * java -cp agent/target/smartcloudops-agent.jar bench/detect/DetectorCost.java [hosts] [days]
 * </pre>
 *
 * Hosts are simulated: every metric has a daily cycle, noise and occasional bursts, one row every 5 minutes for
 * {@code days} days (seasons are found after two days), so the state measured is that of a host watched for weeks.
 * Per-sample times are the wall-clock and the thread-CPU nanoseconds of each {@code SeriesDetector.next} call on one
 * thread (the machine is shared: wall-clock percentiles include descheduling, CPU-time ones do not). Memory: the detector's
 * own count of the bytes it holds, and the heap growth after a full GC with all hosts alive.
 */
public class DetectorCost {

    public static void main(String[] args) {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int rows = days * 288;
        List<Metric> metrics = List.of(Metric.values());
        DetectorSettings s = DetectorSettings.defaults();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Runtime rt = Runtime.getRuntime();
        long[] nanos = new long[hosts * rows];
        long[] cpus = new long[hosts * rows];
        List<SeriesDetector> detectors = new ArrayList<>(hosts);
        gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        int k = 0;
        long cpu0 = bean.getCurrentThreadCpuTime();
        long t0 = 1_767_225_600_000L;
        for (int h = 0; h < hosts; h++) {
            Random r = new Random(h);
            SeriesDetector d = new SeriesDetector(s, metrics, true, 120);
            double[] base = {20 + r.nextDouble() * 40, 30 + r.nextDouble() * 30, 40 + r.nextDouble() * 30, 5 + r.nextDouble() * 10,
                1e5 + r.nextDouble() * 1e6, 1e5 + r.nextDouble() * 1e6, 0.5 + r.nextDouble() * 2};
            double[] row = new double[metrics.size()];
            for (int i = 0; i < rows; i++) {
                double phase = Math.sin(2 * Math.PI * (i % 288) / 288.0);
                boolean burst = r.nextInt(500) == 0;
                for (int m = 0; m < row.length; m++) {
                    double amplitude = m == 2 ? 0.01 : 0.3;
                    row[m] = Math.max(0, base[m] * (1 + amplitude * phase + 0.05 * r.nextGaussian() + (burst ? 0.8 : 0)));
                }
                long c = bean.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                d.next(t0 + 300_000L * i, row);
                nanos[k] = System.nanoTime() - a;
                cpus[k++] = bean.getCurrentThreadCpuTime() - c;
            }
            detectors.add(d);
        }
        long cpu = bean.getCurrentThreadCpuTime() - cpu0;
        gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        long[] sorted = Arrays.copyOf(nanos, k);
        Arrays.sort(sorted);
        long counted = detectors.stream().mapToLong(SeriesDetector::bytes).sum();
        long seasonal = detectors.stream().mapToLong(SeriesDetector::seasonalBytes).sum();
        long seasonsOn = detectors.stream().filter(d -> d.metricState(0).season() != io.smartcloudops.agent.detect.Season.NONE).count();
        System.out.printf(Locale.ROOT, "%d hosts x %d rows (%d days at 5 min), 7 metrics; %d of %d hosts follow a season on cpu%n", hosts,
                rows, days, seasonsOn, hosts);
        System.out.printf(Locale.ROOT, "per host-sample (wall, one thread): p50 %.4f ms, p90 %.4f ms, p99 %.4f ms, max %.3f ms%n",
                sorted[k / 2] / 1e6, sorted[(int) (k * 0.9)] / 1e6, sorted[(int) (k * 0.99)] / 1e6, sorted[k - 1] / 1e6);
        long[] sc = Arrays.copyOf(cpus, k);
        Arrays.sort(sc);
        System.out.printf(Locale.ROOT, "per host-sample (thread CPU time, includes ~1 us of the clock calls): p50 %.4f ms, p90 %.4f ms, "
                + "p99 %.4f ms, max %.3f ms; mean %.4f ms%n", sc[k / 2] / 1e6, sc[(int) (k * 0.9)] / 1e6, sc[(int) (k * 0.99)] / 1e6,
                sc[k - 1] / 1e6, cpu / 1e6 / k);
        System.out.printf(Locale.ROOT, "state per host: %.1f KB counted (of which seasonal %.1f KB); heap growth after GC %.1f KB per host%n",
                counted / 1024.0 / hosts, seasonal / 1024.0 / hosts, (heapAfter - heapBefore) / 1024.0 / hosts);
        if (detectors.size() != hosts) {
            throw new IllegalStateException();
        }
    }

    static void gc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
