package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentFootprintTextTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static AgentStatus status(long uptime, Map<String, Object> components) {
        SourceStatus source = new SourceStatus("local", "local", true, null, NOW, NOW, 0, 5);
        return new AgentStatus("0.1.0", NOW.minusSeconds(uptime), uptime, source, List.of(), components);
    }

    @Test
    void theDashboardShowsTheAgentsMemoryAndItsCpuShareBetweenStatuses() {
        DashboardViewModel vm = new DashboardViewModel(Clock.fixed(NOW, ZoneOffset.UTC), ConnectionState.connecting("http://127.0.0.1:8080"));
        vm.applyStatus(status(100, Map.of("agent", Map.of("resident_bytes", 96L * 1048576, "heap_used_bytes", 31L * 1048576,
                "heap_max_bytes", 64L * 1048576, "cpu_seconds_total", 2.0))));
        assertThat(vm.agentFootprintProperty().get()).isEqualTo("agent: 96 MB resident, heap 31 of 64 MB, CPU 2.0 %");
        vm.applyStatus(status(110, Map.of("agent", Map.of("resident_bytes", 97L * 1048576, "heap_used_bytes", 20L * 1048576,
                "cpu_seconds_total", 2.05))));
        assertThat(vm.agentFootprintProperty().get()).as("0.05 s of CPU in 10 s").isEqualTo("agent: 97 MB resident, heap 20 MB, CPU 0.5 %");
    }

    @Test
    void anAgentThatDoesNotReportItsFootprintShowsNothing() {
        DashboardViewModel vm = new DashboardViewModel(Clock.fixed(NOW, ZoneOffset.UTC), ConnectionState.connecting("http://127.0.0.1:8080"));
        vm.applyStatus(status(100, Map.of()));
        assertThat(vm.agentFootprintProperty().get()).isEmpty();
    }
}
