package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.events.SampleEvent;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the dashboard: one tile row per host, the selected host's series for the charts, the time
 * range, markers, and why a chart is empty. Fed by {@link DashboardFeed} (or directly in tests); the
 * view only binds and asks for {@link #chartData(ChartSpec, int)} when it draws.
 */
public final class DashboardViewModel {

    /** Longest range kept per series: the 24 h range. */
    static final Duration RETENTION = TimeRange.H24.duration();
    /** How often live samples trim what is older than {@link #RETENTION} (a console left open for days stays bounded). */
    static final Duration TRIM_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final ObservableList<HostTileModel> hosts = FXCollections.observableArrayList();
    private final Map<String, HostTileModel> hostsByName = new HashMap<>();
    private final Map<String, Map<Metric, SeriesBuffer>> buffers = new HashMap<>();
    private final Map<String, HostStatus> hostStatus = new LinkedHashMap<>();
    private final List<ChartMarker> markers = new ArrayList<>();
    private final StringProperty selectedHost = new SimpleStringProperty(this, "selectedHost", "");
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range", TimeRange.M15);
    private final ObjectProperty<ConnectionState> connection;
    private final ObjectProperty<SourceStatus> source = new SimpleObjectProperty<>(this, "source");
    private final StringProperty agentFootprint = new SimpleStringProperty(this, "agentFootprint", "");
    private final AgentFootprintText footprintText = new AgentFootprintText();
    private final ReadOnlyLongWrapper dataVersion = new ReadOnlyLongWrapper(this, "dataVersion");
    private long lastTrimMillis;

    public DashboardViewModel(Clock clock, ConnectionState initial) {
        this.clock = clock;
        this.connection = new SimpleObjectProperty<>(this, "connection", initial);
        connection.addListener((o, a, b) -> changed());
        range.addListener((o, a, b) -> changed());
        selectedHost.addListener((o, a, b) -> changed());
    }

    private void changed() {
        dataVersion.set(dataVersion.get() + 1);
    }

    /** A new {@code /status}: hosts, their latest values and detector state, the source's health. */
    public void applyStatus(AgentStatus status) {
        source.set(status.source());
        agentFootprint.set(footprintText.update(status.components().get("agent"), status.uptimeSeconds()));
        for (HostStatus h : status.hosts()) {
            hostStatus.put(h.host(), h);
            HostTileModel tile = tile(h.host());
            h.values().forEach((k, v) -> Metric.fromKey(k).ifPresent(m -> tile.update(m, v)));
            tile.detector(h.detector(), h.anomalyScore());
        }
        changed();
    }

    /** The source changed health (SSE {@code source}). */
    public void applySource(SourceStatus s) {
        source.set(s);
        changed();
    }

    /** Live samples (SSE {@code sample}). */
    public void applySample(SampleEvent e) {
        HostTileModel tile = tile(e.host());
        long t = e.timestamp().toEpochMilli();
        Map<Metric, SeriesBuffer> series = buffers(e.host());
        e.values().forEach((k, v) -> Metric.fromKey(k).ifPresent(m -> {
            if (v != null) {
                series.computeIfAbsent(m, x -> new SeriesBuffer()).append(t, v);
                tile.update(m, v);
            }
        }));
        if (e.host().equals(selectedHost.get())) {
            changed();
        }
        if (clock.millis() - lastTrimMillis >= TRIM_EVERY.toMillis()) {
            trim();
        }
    }

    /** History from {@code /series} for one host and metric. */
    public void applyBackfill(Series s) {
        Metric.fromKey(s.metric()).ifPresent(m -> {
            SeriesBuffer b = buffers(s.host()).computeIfAbsent(m, x -> new SeriesBuffer());
            b.backfill(s.points());
            b.trimBefore(clock.millis() - RETENTION.toMillis());
        });
        changed();
    }

    /** An anomaly (from {@code /anomalies} or SSE {@code anomaly}) becomes a marker on its host's charts. */
    public void applyAnomaly(Anomaly a) {
        String label = a.severity().key() + " " + String.join(",", a.metrics());
        addMarker(new ChartMarker(a.host(), a.start() != null ? a.start() : a.timestamp(), ChartMarker.Kind.ANOMALY, label));
    }

    /** Adds a marker; one at the same host, time and kind is replaced (an anomaly's severity can rise while it lasts). */
    public void addMarker(ChartMarker m) {
        for (int i = 0; i < markers.size(); i++) {
            ChartMarker x = markers.get(i);
            if (x.host().equals(m.host()) && x.at().equals(m.at()) && x.kind() == m.kind()) {
                if (!x.label().equals(m.label())) {
                    markers.set(i, m);
                    changed();
                }
                return;
            }
        }
        markers.add(m);
        changed();
    }

    private HostTileModel tile(String host) {
        HostTileModel tile = hostsByName.get(host);
        if (tile == null) {
            tile = new HostTileModel(host);
            hostsByName.put(host, tile);
            hosts.add(tile);
            if (selectedHost.get().isEmpty()) {
                selectedHost.set(host);
            }
        }
        return tile;
    }

    private Map<Metric, SeriesBuffer> buffers(String host) {
        return buffers.computeIfAbsent(host, h -> new EnumMap<>(Metric.class));
    }

    /** Drops samples and markers older than 24 h; the live samples call it once a minute. */
    public void trim() {
        lastTrimMillis = clock.millis();
        long min = lastTrimMillis - RETENTION.toMillis();
        buffers.values().forEach(m -> m.values().forEach(b -> b.trimBefore(min)));
        markers.removeIf(m -> m.at().toEpochMilli() < min);
    }

    /**
     * What a chart of the selected host draws now, downsampled to at most {@code maxPoints} per line.
     */
    public ChartData chartData(ChartSpec spec, int maxPoints) {
        long to = clock.millis();
        long from = to - range.get().duration().toMillis();
        String host = selectedHost.get();
        Map<Metric, SeriesBuffer> series = buffers.getOrDefault(host, Map.of());
        List<ChartData.Line> lines = new ArrayList<>();
        int total = 0;
        for (Metric m : spec.metrics()) {
            SeriesBuffer b = series.get(m);
            if (b == null) {
                lines.add(new ChartData.Line(m.description(), new long[0], new double[0], 0, Double.NaN));
                continue;
            }
            int start = b.indexAtOrAfter(from);
            int n = b.size() - start;
            int cap = Math.max(3, maxPoints);
            long[] xs = new long[Math.min(n, cap)];
            double[] ys = new double[xs.length];
            int count = n <= cap ? copy(b, start, n, xs, ys) : Lttb.downsample(b.times(), b.values(), start, b.size(), cap, xs, ys);
            total += count;
            lines.add(new ChartData.Line(m.description(), xs, ys, count, b.last()));
        }
        List<ChartMarker> visible = markers.stream()
                .filter(m -> m.host().equals(host) && m.at().toEpochMilli() >= from).toList();
        Optional<String> empty = total > 0 ? Optional.empty() : Optional.of(EmptyReason.explain(connection.get(),
                Optional.ofNullable(source.get()), Optional.ofNullable(hostStatus.get(host)), host,
                spec.metrics().getFirst(), range.get()));
        return new ChartData(spec, from, to, lines, visible, gapMillis(), empty);
    }

    private static int copy(SeriesBuffer b, int start, int n, long[] xs, double[] ys) {
        System.arraycopy(b.times(), start, xs, 0, n);
        System.arraycopy(b.values(), start, ys, 0, n);
        return n;
    }

    /** Points further apart than three collection intervals (at least 30 s) are a gap, not a line. */
    long gapMillis() {
        SourceStatus s = source.get();
        double interval = s == null ? 5 : s.intervalSeconds();
        long byInterval = Math.round(interval * 3000);
        long byRange = range.get().duration().toMillis() / 200;
        return Math.max(30_000, Math.max(byInterval, byRange));
    }

    /** Number of samples held for a host and metric (for tests and the status line). */
    public int sampleCount(String host, Metric m) {
        SeriesBuffer b = buffers.getOrDefault(host, Map.of()).get(m);
        return b == null ? 0 : b.size();
    }

    public ObservableList<HostTileModel> hosts() {
        return hosts;
    }

    public StringProperty selectedHostProperty() {
        return selectedHost;
    }

    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    /** What the agent itself costs its host (memory, CPU), next to the host figures; empty for older agents. */
    public StringProperty agentFootprintProperty() {
        return agentFootprint;
    }

    public ObjectProperty<SourceStatus> sourceProperty() {
        return source;
    }

    /** Increases whenever what the charts draw changed. */
    public ReadOnlyLongProperty dataVersionProperty() {
        return dataVersion.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }
}
