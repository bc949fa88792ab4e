package io.smartcloudops.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

    private static HostFacts facts(Map<Metric, Double> values, Anomaly... open) {
        return new HostFacts(values, List.of(open));
    }

    private static Anomaly anomaly(Severity s, String... metrics) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Anomaly("a", "h", t, t, null, 0.8, s, List.of(metrics), List.of(), "");
    }

    @Test
    void comparisonsAndBooleanStructure() {
        Condition c = ConditionParser.parse("cpu > 90 and (mem >= 80 or load1 > 4)");
        assertThat(c.holds(facts(Map.of(Metric.CPU, 91.0, Metric.MEM, 80.0)))).isTrue();
        assertThat(c.holds(facts(Map.of(Metric.CPU, 91.0, Metric.MEM, 79.9, Metric.LOAD1, 4.0)))).isFalse();
        assertThat(c.holds(facts(Map.of(Metric.CPU, 90.0, Metric.MEM, 99.0)))).isFalse();
        assertThat(c.metrics()).containsExactly(Metric.CPU, Metric.MEM, Metric.LOAD1);
        assertThat(ConditionParser.parse("disk<=10").holds(facts(Map.of(Metric.DISK, 10.0)))).isTrue();
        assertThat(ConditionParser.parse("net_in != 0").holds(facts(Map.of(Metric.NET_IN, 0.0)))).isFalse();
    }

    @Test
    void aMissingMetricIsFalseNotZero() {
        assertThat(ConditionParser.parse("cpu < 5").holds(facts(Map.of()))).isFalse();
    }

    @Test
    void severityConditionsReadOpenAnomalies() {
        Condition any = ConditionParser.parse("severity >= high");
        Condition cpu = ConditionParser.parse("SEVERITY(cpu) == critical");
        assertThat(any.holds(facts(Map.of(), anomaly(Severity.HIGH, "mem")))).isTrue();
        assertThat(any.holds(facts(Map.of(), anomaly(Severity.MEDIUM, "cpu")))).isFalse();
        assertThat(cpu.holds(facts(Map.of(), anomaly(Severity.CRITICAL, "mem")))).isFalse();
        assertThat(cpu.holds(facts(Map.of(), anomaly(Severity.CRITICAL, "mem", "cpu")))).isTrue();
        assertThat(cpu.describe()).isEqualTo("severity(cpu) == critical");
    }

    @Test
    void errorsSayWhatWasExpectedAndWhere() {
        assertThatThrownBy(() -> ConditionParser.parse("cpu > ninety")).hasMessageContaining("expected a number at character 7");
        assertThatThrownBy(() -> ConditionParser.parse("cpu > 90 and")).hasMessageContaining("at the end");
        assertThatThrownBy(() -> ConditionParser.parse("(cpu > 90")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> ConditionParser.parse("cpu > 90 mem > 3")).hasMessageContaining("expected 'and', 'or'");
        assertThatThrownBy(() -> ConditionParser.parse("gpu > 3")).hasMessageContaining("unknown metric");
        assertThatThrownBy(() -> ConditionParser.parse(" ")).hasMessageContaining("is required");
    }
}
