package io.smartcloudops.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleResolutionTest {

    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void percentagesToAThousandthByteRatesToOneLoadToAHundredth() {
        HostSample s = SampleResolution.apply(new HostSample("h", T, Map.of(Metric.CPU, 23.456789012345, Metric.MEM, 99.99951,
                Metric.NET_IN, 123456.789, Metric.LOAD1, 0.523333, Metric.DISK, -0.0000001)));
        assertThat(s.values()).containsEntry(Metric.CPU, 23.457).containsEntry(Metric.MEM, 100.0)
                .containsEntry(Metric.NET_IN, 123457.0).containsEntry(Metric.LOAD1, 0.52);
        assertThat(Double.doubleToRawLongBits(s.values().get(Metric.DISK))).as("zero, not -0.0").isZero();
        assertThat(s.host()).isEqualTo("h");
        assertThat(s.timestamp()).isEqualTo(T);
    }

    @Test
    void valuesAlreadyAtTheResolutionAreTheSameSampleAndHugeOnesAreKept() {
        HostSample exact = new HostSample("h", T, Map.of(Metric.CPU, 25.3, Metric.NET_OUT, 1000.0, Metric.LOAD1, 0.5));
        assertThat(SampleResolution.apply(exact)).isSameAs(exact);
        HostSample huge = new HostSample("h", T, Map.of(Metric.NET_IN, 1.2345e300));
        assertThat(SampleResolution.apply(huge).values()).containsEntry(Metric.NET_IN, 1.2345e300);
        HostSample twice = SampleResolution.apply(SampleResolution.apply(new HostSample("h", T, Map.of(Metric.CPU, 1 / 3.0))));
        assertThat(twice.values()).containsEntry(Metric.CPU, 0.333);
    }
}
