package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.api.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pattern kept with a verdict: written into its audit record and read back exactly, bad text refused by name. */
class VerdictPatternTest {

    @Test
    void itReadsBackExactlyWhatWasWritten() {
        VerdictPattern p = new VerdictPattern(List.of(
                new VerdictPattern.Side(Metric.CPU, 0, 16.123457f, 98.2f),
                new VerdictPattern.Side(Metric.LOAD1, 2, 0.61f, 2.49f),
                new VerdictPattern.Side(Metric.MEM, FeatureStream.SIDES + 3, 7.5e-8f, 1.0e-9f)));
        assertThat(p.format()).isEqualTo("cpu:spike_up=16.123457>98.2;load1:level_up=0.61>2.49;mem:level_down_residuals=7.5E-8>1.0E-9");
        assertThat(VerdictPattern.parse(p.format())).isEqualTo(p);
    }

    @Test
    void everyJudgedSideHasAName() {
        assertThat(VerdictPattern.name(0)).isEqualTo("spike_up");
        assertThat(VerdictPattern.name(1)).as("a spike is judged upwards only").isNull();
        assertThat(VerdictPattern.name(5)).isEqualTo("spread_down");
        assertThat(VerdictPattern.name(6)).as("a dip is judged downwards only").isNull();
        assertThat(VerdictPattern.name(7)).isEqualTo("dip_down");
        assertThat(VerdictPattern.name(FeatureStream.SIDES + 4)).isEqualTo("spread_up_residuals");
    }

    @Test
    void badTextIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> VerdictPattern.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> VerdictPattern.parse("cpu spike 1 2")).hasMessageContaining("metric:side=edge>peak");
        assertThatThrownBy(() -> VerdictPattern.parse("gpu:spike_up=1>2")).hasMessageContaining("unknown metric 'gpu'");
        assertThatThrownBy(() -> VerdictPattern.parse("cpu:spike_down=2>1")).hasMessageContaining("unknown feature side 'spike_down'");
        assertThatThrownBy(() -> VerdictPattern.parse("cpu:level_up=a>2")).hasMessageContaining("numbers");
        assertThatThrownBy(() -> VerdictPattern.parse("cpu:level_up=2>1")).hasMessageContaining("does not lie above its edge");
        assertThatThrownBy(() -> VerdictPattern.parse("cpu:level_down=1>2")).hasMessageContaining("does not lie below its edge");
        assertThatThrownBy(() -> VerdictPattern.parse("cpu:level_up=NaN>2")).hasMessageContaining("finite");
    }
}
