package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.anomaly.Verdict;
import io.smartcloudops.api.series.BandHistory;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.series.SeriesPoint;
import io.smartcloudops.console.dashboard.ChartData;
import io.smartcloudops.console.dashboard.ChartMarker;
import io.smartcloudops.console.dashboard.ChartSpec;
import io.smartcloudops.console.dashboard.ExpectedBands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The Anomalies screen: every anomaly the agent reported (newest first), filtered by host, severity,
 * time window and text; the selected one's contributing metrics and the chart of its surroundings.
 */
public final class AnomaliesViewModel {

    /** Shown in the host filter for "every host". */
    public static final String ALL_HOSTS = "all hosts";
    /** Anomalies kept: as many as the list loads from the agent ({@code GET /anomalies?limit=1000}); the oldest go first. */
    public static final int MAX_KEPT = 1000;
    /** How much history around an anomaly its chart shows. */
    static final Duration AROUND = Duration.ofMinutes(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter RAISED = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Clock clock;
    private final ObservableList<Anomaly> all = FXCollections.observableArrayList();
    private final FilteredList<Anomaly> filtered = new FilteredList<>(all);
    private final SortedList<Anomaly> visible = new SortedList<>(filtered,
            Comparator.comparing(AnomaliesViewModel::raisedAt).reversed());
    private final ObservableList<String> hosts = FXCollections.observableArrayList(ALL_HOSTS);
    private final StringProperty host = new SimpleStringProperty(this, "host", ALL_HOSTS);
    private final ObjectProperty<Set<Severity>> severities = new SimpleObjectProperty<>(this, "severities", EnumSet.allOf(Severity.class));
    private final ObjectProperty<AnomalyWindow> window = new SimpleObjectProperty<>(this, "window", AnomalyWindow.H24);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Anomaly> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ChartData> detailChart = new ReadOnlyObjectWrapper<>(this, "detailChart");
    private Instant agentStartedAt;
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");
    private final ReadOnlyObjectWrapper<Anomaly> news = new ReadOnlyObjectWrapper<>(this, "news");

    public AnomaliesViewModel(Clock clock) {
        this.clock = clock;
        host.addListener((o, a, b) -> refilter());
        severities.addListener((o, a, b) -> refilter());
        window.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> refilter());
    }

    private static Instant raisedAt(Anomaly a) {
        return a.timestamp() != null ? a.timestamp() : a.start();
    }

    /** Re-applies the filters (also when time moved on: the window is relative to now). */
    public void refilter() {
        filtered.setPredicate(predicate());
    }

    Predicate<Anomaly> predicate() {
        String h = host.get();
        Set<Severity> sev = severities.get();
        Instant since = clock.instant().minus(window.get().duration());
        String needle = text.get().trim().toLowerCase(Locale.ROOT);
        return a -> (ALL_HOSTS.equals(h) || a.host().equals(h))
                && sev.contains(a.severity())
                && !raisedAt(a).isBefore(since)
                && (needle.isEmpty() || (a.host() + " " + a.summary() + " " + String.join(" ", a.metrics()))
                .toLowerCase(Locale.ROOT).contains(needle));
    }

    /**
     * The list from {@code GET /anomalies} replaces what is shown. The anomaly being read stays selected, as its new
     * record: the list is loaded again after every reconnect, and the table dropped its selection (the detail went
     * back to "Select an anomaly" under the operator's eyes, Scale up with it).
     */
    public void applyList(List<Anomaly> anomalies) {
        Anomaly reading = selected.get();
        all.setAll(anomalies);
        anomalies.forEach(a -> knownHost(a.host()));
        refilter();
        if (reading != null) {
            anomalies.stream().filter(a -> a.id().equals(reading.id())).findFirst().ifPresent(selected::set);
        }
    }

    /**
     * A new or updated anomaly (SSE {@code anomaly}): replaces the one with the same id. A new one, or one
     * whose severity rose, is news: it counts as unseen until the Anomalies screen is shown, and is
     * offered to the operator ({@link #newsProperty()}).
     */
    public void applyEvent(Anomaly a) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(a.id())) {
                Anomaly before = all.get(i);
                // a table drops its selection when the selected item is replaced: remember it first
                boolean wasSelected = selected.get() != null && selected.get().id().equals(a.id());
                all.set(i, a);
                if (wasSelected) {
                    selected.set(a);
                }
                if (before.severity() != null && a.severity() != null && a.severity().compareTo(before.severity()) > 0) {
                    news.set(a);
                }
                return;
            }
        }
        unseen.set(unseen.get() + 1);
        news.set(a);
        all.add(a);
        knownHost(a.host());
        if (all.size() > MAX_KEPT) {
            all.stream().min(Comparator.comparing(AnomaliesViewModel::raisedAt)).ifPresent(all::remove);
        }
    }

    /** Adds a host to the host filter's choices. */
    public void knownHost(String h) {
        if (!hosts.contains(h)) {
            Set<String> sorted = new TreeSet<>(hosts.subList(1, hosts.size()));
            sorted.add(h);
            hosts.setAll(ALL_HOSTS);
            hosts.addAll(sorted);
        }
    }

    /** Style class for a severity's colour. */
    public static String severityStyle(Severity s) {
        return "severity-" + s.key();
    }

    public static String formatTime(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /**
     * The table's Raised, to the minute ({@code Dec 7 13:08}): with the seconds it was cut to "Dec 7 13..." beside the
     * on-call pane at 1024 px. The cell's tooltip and the detail's title give the seconds.
     */
    public static String formatRaised(Instant t) {
        return t == null ? "" : RAISED.format(t);
    }

    /**
     * The table's State, short enough for its cell beside the on-call pane at 1024 px: {@code open} while the incident
     * lasts, else {@code ended} ("closed after 5 min" was cut to "closed a..."). The cell's tooltip says when and after
     * how long ({@link #describeState}).
     */
    public static String formatState(Anomaly a) {
        return a.end() == null ? "open" : "ended";
    }

    /** State in full, for the cell's tooltip: {@code open since Dec 7 12:41:10}, {@code ended Dec 7 12:45:10, after 4m}. */
    public static String describeState(Anomaly a) {
        Instant start = a.start() == null ? a.timestamp() : a.start();
        return a.end() == null ? "open since " + formatTime(start)
                : "ended " + formatTime(a.end()) + ", after " + shortDuration(Duration.between(start, a.end()));
    }

    /** A duration in its two largest units at most: {@code 45s}, {@code 5m30s}, {@code 1h5m}, {@code 2d3h}. */
    static String shortDuration(Duration d) {
        Duration whole = d.isNegative() ? Duration.ZERO : d;
        Duration unit = whole.toDays() > 0 ? Duration.ofHours(1) : whole.toHours() > 0 ? Duration.ofMinutes(1) : Duration.ofSeconds(1);
        return io.smartcloudops.api.time.DurationText.format(Duration.ofSeconds(whole.toSeconds() / unit.toSeconds() * unit.toSeconds()));
    }

    /**
     * What people made of it, in one short cell beside the anomaly's own columns (a column each for the verdict,
     * the acknowledgement and the silence pushed the table wider than the space the on-call pane leaves at
     * 1024 px): {@code false alarm} or {@code confirmed}, {@code ack alice}, {@code silenced}, joined by {@code ·}; empty
     * for none. The times and the note are in the cell's tooltip ({@link #describeHandled}); "not an anomaly" and
     * "alice Dec 7 12:41:10" were cut to a word at 1024 px.
     */
    public static String formatHandled(Anomaly a) {
        return java.util.stream.Stream.of(a.feedback() == null ? "" : a.feedback().verdict() == Verdict.FALSE_ALARM ? "false alarm" : "confirmed",
                        a.acknowledged() == null ? "" : "ack " + a.acknowledged().by(),
                        a.silenced() == null ? "" : "silenced")
                .filter(x -> !x.isEmpty()).collect(java.util.stream.Collectors.joining(" · "));
    }

    /** Handled in full, for the cell's tooltip: the verdict line, who acknowledged when, the silence that held. */
    public static String describeHandled(Anomaly a) {
        return java.util.stream.Stream.of(VerdictActions.describe(a),
                        a.acknowledged() == null ? "" : "Acknowledged by " + a.acknowledged().by() + " at "
                                + formatTime(a.acknowledged().at()),
                        a.silenced() == null ? "" : "Silenced by " + a.silenced())
                .filter(x -> !x.isEmpty()).collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * One line per contributing metric: what moved, as the detector explains it ({@code cpu spiked to 12.0% (up to
     * 0.7% before)}); for records without an explanation, value, baseline and how unusual it is.
     */
    public static String formatContributor(Contributor c) {
        if (!c.explanation().isEmpty()) {
            return c.explanation();
        }
        String value = Metric.fromKey(c.metric()).map(m -> m.format(c.value())).orElse(String.format(Locale.ROOT, "%.2f", c.value()));
        String base = Metric.fromKey(c.metric()).map(m -> m.format(c.baseline())).orElse(String.format(Locale.ROOT, "%.2f", c.baseline()));
        return String.format(Locale.ROOT, "%s %s (baseline %s, %+.1f σ)", c.metric(), value, base, c.deviation());
    }

    /** The metric whose chart the detail shows: the top contributor, else CPU. */
    public static Metric chartMetric(Anomaly a) {
        return a.metrics().stream().map(Metric::fromKey).flatMap(Optional::stream).findFirst().orElse(Metric.CPU);
    }

    /** Where the surroundings chart starts: {@link #AROUND} before the anomaly. */
    public static Instant windowStart(Anomaly a) {
        return (a.start() != null ? a.start() : a.timestamp()).minus(AROUND);
    }

    /** The surroundings chart: the series from {@code /series}, with the anomaly's start (and end) marked. */
    public ChartData windowChart(Anomaly a, Series s) {
        return windowChart(a, s, null);
    }

    /** The same with the band the detector expected ({@code /series/band}) behind the line; {@code band} may be null. */
    public ChartData windowChart(Anomaly a, Series s, BandHistory band) {
        Metric m = Metric.fromKey(s.metric()).orElse(Metric.CPU);
        long from = windowStart(a).toEpochMilli();
        Instant endOrNow = a.end() != null ? a.end().plus(AROUND) : clock.instant();
        long to = Math.min(clock.millis(), endOrNow.toEpochMilli());
        List<SeriesPoint> pts = io.smartcloudops.console.dashboard.SeriesBuffer.drawn(s.points()).stream()
                .filter(p -> p.timestamp().toEpochMilli() >= from && p.timestamp().toEpochMilli() <= to).toList();
        long[] xs = new long[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pts.get(i).timestamp().toEpochMilli();
            ys[i] = pts.get(i).value();
        }
        List<ChartMarker> markers = new java.util.ArrayList<>();
        markers.add(new ChartMarker(a.host(), a.start() != null ? a.start() : a.timestamp(), ChartMarker.Kind.ANOMALY,
                a.severity().key()));
        if (a.end() != null) {
            markers.add(new ChartMarker(a.host(), a.end(), ChartMarker.Kind.ANOMALY, "ended"));
        }
        ChartSpec spec = new ChartSpec(m.description() + " on " + a.host(), List.of(m));
        Optional<String> empty = xs.length == 0 ? Optional.of(whyNoSamples(m, from, to)) : Optional.empty();
        ChartData.Band spans = band == null ? null : ExpectedBands.spans(band.segments(), from, to, 60_000,
                xs.length == 0 ? Long.MIN_VALUE : xs[xs.length - 1]);
        return new ChartData(spec, from, Math.max(to, from + 60_000),
                List.of(new ChartData.Line(m.description(), xs, ys, xs.length, xs.length == 0 ? Double.NaN : ys[xs.length - 1],
                        spans)), markers, 60_000, empty);
    }

    /** New anomalies since the Anomalies screen was last shown (the navigation's badge). */
    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** The Anomalies screen is shown: nothing is unseen. */
    public void markSeen() {
        unseen.set(0);
    }

    /** The latest anomaly that is news: new, or its severity rose (a notification shows it). */
    public ReadOnlyObjectProperty<Anomaly> newsProperty() {
        return news.getReadOnlyProperty();
    }

    /** What the notification says about an anomaly that is news: what it is and which metrics moved, in a few words. */
    public static String headline(Anomaly a) {
        return (a.severity() == null ? "New" : a.severity().key().substring(0, 1).toUpperCase(Locale.ROOT) + a.severity().key().substring(1))
                + " anomaly on " + a.host() + (a.metrics().isEmpty() ? "" : ": " + String.join(", ", a.metrics())) + " (Ctrl+2)";
    }

    /**
     * The anomaly detail's title: what the anomaly is, once ("CRITICAL on web-1 since Dec 7 12:05:31"); the lines below
     * it say what moved. A closed incident says when it started.
     */
    public static String detailTitle(Anomaly a) {
        return (a.severity() == null ? "ANOMALY" : a.severity().key().toUpperCase(Locale.ROOT)) + " on " + a.host()
                + (a.end() == null ? " since " : ", started ") + formatTime(a.start() == null ? a.timestamp() : a.start());
    }

    /** When the connected agent started (from its /status): it holds samples only from then on. */
    public void agentStartedAt(Instant startedAt) {
        this.agentStartedAt = startedAt;
    }

    /** Why the surroundings chart is empty: the agent restarted since, the samples are older than it keeps, or none came. */
    String whyNoSamples(Metric m, long fromMillis, long toMillis) {
        String what = "No samples of " + m.key() + " around this anomaly: ";
        if (agentStartedAt != null && fromMillis < agentStartedAt.toEpochMilli()) {
            return what + "the agent restarted at " + formatTime(agentStartedAt) + " and holds samples from then on only.";
        }
        if (fromMillis < clock.millis() - Duration.ofHours(24).toMillis()) {
            return what + "they are older than the 24 hours of samples the agent holds.";
        }
        return what + "the source reported none for " + m.description().toLowerCase(Locale.ROOT) + " then.";
    }

    public ObservableList<Anomaly> visible() {
        return visible;
    }

    public int total() {
        return all.size();
    }

    public ObservableList<String> hosts() {
        return hosts;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public ObjectProperty<Set<Severity>> severitiesProperty() {
        return severities;
    }

    public ObjectProperty<AnomalyWindow> windowProperty() {
        return window;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The surroundings chart of the selected anomaly (null until loaded). */
    public ReadOnlyObjectProperty<ChartData> detailChartProperty() {
        return detailChart.getReadOnlyProperty();
    }

    /** The feed loaded the selected anomaly's surroundings (null while loading). */
    void setDetailChart(ChartData chart) {
        detailChart.set(chart);
    }

    public ObjectProperty<Anomaly> selectedProperty() {
        return selected;
    }
}
