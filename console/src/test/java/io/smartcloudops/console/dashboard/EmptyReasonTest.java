package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmptyReasonTest {

    private static final ConnectionState UP = ConnectionState.connected("http://127.0.0.1:8080");
    private static final SourceStatus HEALTHY = new SourceStatus("local", "local", true, null,
            Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T10:00:00Z"), 0, 5);
    private static final HostStatus WEB = new HostStatus("web-1", Instant.parse("2026-01-05T10:00:00Z"),
            Map.of("cpu", 37.5), null, null, 1);

    @Test
    void unreachableAgentIsNamedFirst() {
        ConnectionState down = new ConnectionState(ConnectionState.Kind.UNREACHABLE, "Agent at http://x unreachable (refused)");
        assertThat(EmptyReason.explain(down, Optional.of(HEALTHY), Optional.of(WEB), "web-1", Metric.CPU, TimeRange.M15))
                .startsWith("No data: agent unreachable.").contains("refused");
    }

    @Test
    void refusedTokenPointsToSettings() {
        ConnectionState denied = new ConnectionState(ConnectionState.Kind.UNAUTHORIZED, "401");
        assertThat(EmptyReason.explain(denied, Optional.empty(), Optional.empty(), "", Metric.CPU, TimeRange.M15))
                .contains("refused the token").contains("Settings");
    }

    @Test
    void unhealthySourceSaysWhy() {
        SourceStatus sick = new SourceStatus("prometheus:http://127.0.0.1:9090", "prometheus", false,
                "connection refused", null, Instant.now(), 3, 5);
        assertThat(EmptyReason.explain(UP, Optional.of(sick), Optional.empty(), "", Metric.CPU, TimeRange.H1))
                .isEqualTo("No data: source prometheus:http://127.0.0.1:9090 is unhealthy: connection refused (3 failures in a row)");
    }

    @Test
    void warmingUpBeforeTheFirstCollection() {
        SourceStatus fresh = new SourceStatus("local", "local", true, null, null, null, 0, 5);
        assertThat(EmptyReason.explain(UP, Optional.of(fresh), Optional.empty(), "", Metric.CPU, TimeRange.M15))
                .startsWith("Warming up");
    }

    @Test
    void metricTheSourceDoesNotReport() {
        assertThat(EmptyReason.explain(UP, Optional.of(HEALTHY), Optional.of(WEB), "web-1", Metric.DISK_IO, TimeRange.M15))
                .isEqualTo("The source does not report disk busy (disk_io) for web-1");
    }

    @Test
    void noSamplesInTheRangeYet() {
        assertThat(EmptyReason.explain(UP, Optional.of(HEALTHY), Optional.of(WEB), "web-1", Metric.CPU, TimeRange.H6))
                .isEqualTo("No samples in the last 6h yet: waiting for the next collection");
        assertThat(EmptyReason.explain(UP, Optional.of(HEALTHY), Optional.empty(), "", Metric.CPU, TimeRange.H6))
                .isEqualTo("No samples yet: the source has reported no host");
    }
}
