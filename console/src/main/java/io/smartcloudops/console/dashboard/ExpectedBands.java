package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.series.BandHistory;
import io.smartcloudops.api.series.BandSegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The band the agent's detector expected of each host's metrics ({@code GET /series/band}), for the charts to
 * draw behind their lines. Fetched when a view opens and then every {@link #REFRESH}; between two fetches the
 * newest band is drawn on up to the newest sample (it is what the detector expects now).
 */
public final class ExpectedBands {

    /** How often the selected host's bands are fetched again while the dashboard shows it. */
    static final Duration REFRESH = Duration.ofSeconds(60);

    private final Map<String, Map<Metric, List<BandSegment>>> byHost = new HashMap<>();

    /** A fetched history replaces what was held for that host and metric. */
    void apply(BandHistory h) {
        Metric.fromKey(h.metric()).ifPresent(m ->
                byHost.computeIfAbsent(h.host(), x -> new EnumMap<>(Metric.class)).put(m, List.copyOf(h.segments())));
    }

    void trimBefore(long minMillis) {
        byHost.values().forEach(m -> m.replaceAll((metric, segs) ->
                segs.stream().filter(s -> s.to().toEpochMilli() >= minMillis).toList()));
    }

    /**
     * The spans to draw between {@code from} and {@code to}: consecutive segments closer than {@code gapMillis}
     * are drawn edge to edge, and the newest one reaches {@code newestSample} when that came soon after it.
     * Null when there is nothing to draw.
     */
    ChartData.Band window(String host, Metric metric, long from, long to, long gapMillis, long newestSample) {
        return spans(byHost.getOrDefault(host, Map.of()).getOrDefault(metric, List.of()), from, to, gapMillis, newestSample);
    }

    /** {@link #window} of a list of segments (oldest first), for any chart. */
    public static ChartData.Band spans(List<BandSegment> segs, long from, long to, long gapMillis, long newestSample) {
        List<BandSegment> in = new ArrayList<>();
        for (BandSegment s : segs) {
            if (s.to().toEpochMilli() >= from && s.from().toEpochMilli() <= to) {
                in.add(s);
            }
        }
        if (in.isEmpty()) {
            return null;
        }
        int n = in.size();
        long[] f = new long[n];
        long[] t = new long[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] ex = new double[n];
        for (int i = 0; i < n; i++) {
            BandSegment s = in.get(i);
            f[i] = s.from().toEpochMilli();
            t[i] = s.to().toEpochMilli();
            if (i + 1 < n && in.get(i + 1).from().toEpochMilli() - t[i] <= gapMillis) {
                t[i] = in.get(i + 1).from().toEpochMilli();
            } else if (i + 1 == n && newestSample > t[i] && newestSample - t[i] <= gapMillis + REFRESH.toMillis()) {
                t[i] = newestSample;
            }
            lo[i] = s.lower();
            hi[i] = s.upper();
            ex[i] = s.expected();
        }
        return new ChartData.Band(f, t, lo, hi, ex, n);
    }
}
