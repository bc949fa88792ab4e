import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.detect.AnomalyLog;
import io.smartcloudops.agent.detect.AnomalyStore;
import io.smartcloudops.agent.detect.DetectorModel;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.OnlineDetector;
import io.smartcloudops.agent.detectorview.BandRecorder;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.api.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What recording the expected band costs on top of scoring: {@code hosts} scoring hosts get one sample each per
 * batch (the fleet at its 5 s interval); batches are scored by the detector alone and with the band recorder
 * subscribed after it, in alternating blocks of 50 so both see the same machine load. Prints the medians and
 * p99 per batch of both, the recorder's share, and its cost per host-sample.
 *
 * java -cp agent/target/smartcloudops-agent.jar bench/band/BandCostBench.java [hosts] [blocks]
 */
public class BandCostBench {

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path logs = Files.createTempDirectory("band-bench");
        EventBus bus = new EventBus();
        OnlineDetector d = new OnlineDetector(DetectorModel.untrained(DetectorSettings.defaults()),
                new OnlineDetector.ModelSource("", null, "bench", Map.of()), 120, new AnomalyLog(logs, 0),
                new AnomalyStore(1000), bus, new PrometheusRegistry());
        Random r = new Random(1);
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        int row = 0;
        for (; row < 130; row++) {   // learn (120 samples) and fit every host
            bus.publish(batch(hosts, t0, row, r));
        }
        List<Long> alone = new ArrayList<>();
        List<Long> withBand = new ArrayList<>();
        for (int b = 0; b < 2 * blocks; b++) {
            boolean recording = b % 2 == 1;
            BandRecorder rec = recording ? new BandRecorder(d, bus, Duration.ofSeconds(5), Duration.ofHours(24)) : null;
            for (int i = 0; i < 50; i++, row++) {
                SamplesCollected batch = batch(hosts, t0, row, r);
                long s = System.nanoTime();
                bus.publish(batch);
                (recording ? withBand : alone).add(System.nanoTime() - s);
            }
            if (rec != null) {
                rec.close();
            }
        }
        Collections.sort(alone);
        Collections.sort(withBand);
        double a = alone.get(alone.size() / 2) / 1e6;
        double w = withBand.get(withBand.size() / 2) / 1e6;
        System.out.printf("hosts %d, %d batches each, %d cores%n", hosts, alone.size(), Runtime.getRuntime().availableProcessors());
        System.out.printf("detector alone:        median %.2f ms, p99 %.2f ms per batch%n", a, p99(alone));
        System.out.printf("detector + band:       median %.2f ms, p99 %.2f ms per batch%n", w, p99(withBand));
        System.out.printf("band recorder:         %.2f ms per batch = %.2f us per host-sample, %.1f %% of the detector's median%n",
                w - a, (w - a) * 1e3 / hosts, 100 * (w - a) / a);
    }

    private static double p99(List<Long> sorted) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
    }

    private static SamplesCollected batch(int hosts, Instant t0, int row, Random r) {
        List<HostSample> out = new ArrayList<>(hosts);
        for (int h = 0; h < hosts; h++) {
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            v.put(Metric.CPU, 20 + r.nextGaussian());
            v.put(Metric.MEM, 40 + r.nextGaussian());
            v.put(Metric.DISK, 60 + r.nextGaussian() * 0.01);
            v.put(Metric.DISK_IO, 3 + Math.abs(r.nextGaussian()));
            v.put(Metric.NET_IN, 20_000 + 1_000 * r.nextGaussian());
            v.put(Metric.NET_OUT, 10_000 + 500 * r.nextGaussian());
            v.put(Metric.LOAD1, 0.5 + 0.05 * r.nextGaussian());
            out.add(new HostSample("host-" + h, t0.plusSeconds(5L * row), v));
        }
        return new SamplesCollected(out, false);
    }
}
