package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.console.connection.AgentConnection;
import java.util.Optional;

/** Feeds {@link AnomaliesViewModel}: {@code GET /anomalies} when offered and on reconnect, SSE {@code anomaly}, the detail chart. */
public final class AnomaliesFeed {

    private final AgentConnection connection;
    private final AnomaliesViewModel vm;

    public AnomaliesFeed(AgentConnection connection, AnomaliesViewModel vm) {
        this.connection = connection;
        this.vm = vm;
    }

    public void attach() {
        connection.on(EventTypes.ANOMALY, Anomaly.class, vm::applyEvent);
        connection.offeredPathsProperty().addListener((o, a, p) -> load());
        connection.onReconnected(this::load);
        connection.statusProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.agentStartedAt(s.startedAt());
                s.hosts().forEach(h -> vm.knownHost(h.host()));
                vm.refilter();
            }
        });
        vm.selectedProperty().addListener((o, a, sel) -> loadDetail(Optional.ofNullable(sel)));
    }

    private void load() {
        if (!connection.offeredPathsProperty().get().contains("/anomalies")) {
            return;
        }
        connection.call(c -> c.anomalies(1000, "7d", null), list -> vm.applyList(list.anomalies()), e -> { });
    }

    private void loadDetail(Optional<Anomaly> sel) {
        vm.detailChartProperty().set(null);
        if (sel.isEmpty()) {
            return;
        }
        Anomaly a = sel.get();
        Metric m = AnomaliesViewModel.chartMetric(a);
        connection.call(c -> c.series(a.host(), m.key(), AnomaliesViewModel.windowStart(a).toString()),
                s -> {
                    if (a.equals(vm.selectedProperty().get())) {
                        vm.detailChartProperty().set(vm.windowChart(a, s));
                    }
                }, e -> vm.detailChartProperty().set(vm.windowChart(a,
                        new io.smartcloudops.api.series.Series(a.host(), m.key(), m.unit(), a.start(), java.util.List.of()))));
    }
}
