package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * When a metric moving during an open incident is the same fault and when it is a second one. A busy host that goes
 * quiet (CPU down) and then starts leaking memory while still quiet has two events: the leak is raised as its own
 * record, where before it joined the lull's incident and was never raised (the runaway window of the held-out busy
 * recording, faults-heldout/run-5). A runaway process (CPU up, then memory up) stays one record.
 */
class SecondFaultTest {

    private static final long STEP = 5_000;

    /** Rows raised on a busy host (CPU about 80 %, memory about 20 %) given what CPU does from row 400 on and memory from row 410 on (rising half a point a row up to {@code leak}). */
    private static List<RowResult> raised(double cpuFrom400, double leak) {
        SeriesDetector d = new SeriesDetector(DetectorSettings.defaults(), List.of(Metric.CPU, Metric.MEM), true, 150);
        Random r = new Random(5);
        List<RowResult> raised = new ArrayList<>();
        for (int i = 0; i < 560; i++) {
            double cpu = i >= 400 ? cpuFrom400 + r.nextGaussian() : 80 + r.nextGaussian() * 4;
            double mem = 20 + r.nextGaussian() * 0.5 + (i >= 410 ? Math.min(leak, (i - 410) * 0.5) : 0);
            RowResult row = d.next(i * STEP, new double[] {cpu, mem});
            if (row.raised()) {
                raised.add(row);
            }
        }
        return raised;
    }

    @Test
    void memoryRisingWhileTheHostIsQuietIsASecondRecord() {
        List<RowResult> raised = raised(15, 25);
        assertThat(raised).as("the lull, then the leak").hasSize(2);
        assertThat(raised.get(0).row()).isBetween(400L, 420L);
        assertThat(raised.get(0).contributors().getFirst().metric()).isEqualTo("cpu");
        assertThat(raised.get(1).row()).isBetween(410L, 440L);
        assertThat(raised.get(1).contributors().getFirst().metric()).isEqualTo("mem");
    }

    @Test
    void memoryRisingWhileCpuIsSaturatedStaysOneRecord() {
        List<RowResult> raised = raised(100, 25);
        assertThat(raised).as("a runaway process: CPU first, then memory").hasSize(1);
        assertThat(raised.getFirst().contributors().getFirst().metric()).isEqualTo("cpu");
    }

    @Test
    void aQuietHostWithoutALeakIsOneRecord() {
        assertThat(raised(15, 0)).hasSize(1);
    }
}
