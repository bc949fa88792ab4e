package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.events.SampleEvent;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.AgentConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link DashboardViewModel} from an {@link AgentConnection}: live samples and source changes
 * from {@code /events}, the status poll, and history from {@code /series} whenever the host, the range
 * or the connection changes (so a reconnect fills the gap).
 */
public final class DashboardFeed {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);

    private final AgentConnection connection;
    private final DashboardViewModel vm;
    private long bandsFetchedNanos = System.nanoTime();

    public DashboardFeed(AgentConnection connection, DashboardViewModel vm) {
        this.connection = connection;
        this.vm = vm;
    }

    /** Wires everything; call on the UI thread before {@link AgentConnection#start}. */
    public void attach() {
        connection.stateProperty().addListener((o, a, b) -> vm.setConnection(b));
        vm.setConnection(connection.stateProperty().get());
        connection.statusProperty().addListener((o, a, s) -> {
            if (s != null) {
                boolean first = a == null;
                vm.applyStatus(s);
                if (first) {
                    backfill();
                } else if (System.nanoTime() - bandsFetchedNanos > ExpectedBands.REFRESH.toNanos()) {
                    backfillBands();
                }
            }
        });
        connection.on(EventTypes.SAMPLE, SampleEvent.class, vm::applySample);
        connection.on(EventTypes.SOURCE, SourceStatus.class, vm::applySource);
        connection.on(EventTypes.ANOMALY, Anomaly.class, vm::applyAnomaly);
        connection.onReconnected(this::backfill);
        connection.on(EventTypes.ACTION, Remediation.class, this::remediationMarker);
        connection.offeredPathsProperty().addListener((o, a, paths) -> {
            if (paths.contains("/anomalies")) {
                loadAnomalyMarkers();
            }
            if (paths.contains("/series/band")) {
                backfillBands();
            }
            if (paths.contains("/remediations")) {
                connection.call(c -> c.remediations(null, 500).remediations(), list -> list.forEach(this::remediationMarker),
                        e -> LOG.debug("remediation markers unavailable: {}", e.getMessage()));
            }
        });
        vm.selectedHostProperty().addListener((o, a, b) -> backfill());
        vm.rangeProperty().addListener((o, a, b) -> backfill());
    }

    /** Loads the selected host's history for the selected range. */
    public void backfill() {
        String host = vm.selectedHostProperty().get();
        if (host.isEmpty()) {
            return;
        }
        String since = vm.rangeProperty().get().query();
        for (Metric m : Metric.values()) {
            connection.call(c -> c.series(host, m.key(), since), vm::applyBackfill,
                    e -> LOG.debug("back-fill of {} {} failed: {}", host, m.key(), e.getMessage()));
        }
        backfillBands();
    }

    /** The band the detector expected of the selected host's metrics over the range (agents that offer it). */
    private void backfillBands() {
        String host = vm.selectedHostProperty().get();
        bandsFetchedNanos = System.nanoTime();
        if (host.isEmpty() || !connection.offeredPathsProperty().get().contains("/series/band")) {
            return;
        }
        String since = vm.rangeProperty().get().query();
        for (Metric m : Metric.values()) {
            connection.call(c -> c.band(host, m.key(), since), vm::applyBand,
                    e -> LOG.debug("band of {} {} unavailable: {}", host, m.key(), e.getMessage()));
        }
    }

    /** What was done, where: real runs only (a dry run changed nothing). */
    private void remediationMarker(Remediation r) {
        java.time.Instant at = r.startedAt() != null ? r.startedAt() : r.createdAt();
        if (r.dryRun() || at == null || r.state() == null
                || r.state() == RemediationState.PENDING || r.state() == RemediationState.REJECTED
                || r.state() == RemediationState.EXPIRED || r.state() == RemediationState.REFUSED) {
            return;
        }
        vm.addMarker(new ChartMarker(r.target(), at, ChartMarker.Kind.REMEDIATION,
                r.action() == null ? "remediation" : r.action().key().replace('_', ' ')));
    }

    private void loadAnomalyMarkers() {
        connection.call(c -> c.anomalies(500, "24h", null),
                list -> list.anomalies().forEach(vm::applyAnomaly),
                e -> LOG.debug("anomaly markers unavailable: {}", e.getMessage()));
    }
}
