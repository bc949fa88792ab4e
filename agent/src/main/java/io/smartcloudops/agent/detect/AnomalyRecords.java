package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an incident's {@link Anomaly} record is made, grown and ended. */
final class AnomalyRecords {

    /** A record changes while open only when its score grows by more than this, or its severity rises. */
    static final double SCORE_STEP = 0.02;

    private AnomalyRecords() {
    }

    static Anomaly raised(String host, Instant start, Instant at, RowResult r) {
        return new Anomaly(id(host, at), host, start, at, null, round(r.score()), r.severity(), keys(r.contributors()),
                r.contributors(), text(r));
    }

    /**
     * The record updated with a row of the same incident, if that row makes it worse (score up by more than
     * {@link #SCORE_STEP}, severity up) or a metric joins it (one fault, one record: a metric that moves later is named
     * in the same record).
     */
    static Optional<Anomaly> grown(Anomaly a, RowResult r) {
        boolean higher = r.score() > a.score() + SCORE_STEP;
        boolean worse = r.severity() != null && r.severity().compareTo(a.severity()) > 0;
        List<Contributor> joined = r.contributors().stream().filter(c -> !a.metrics().contains(c.metric())).toList();
        if (!higher && !worse && joined.isEmpty()) {
            return Optional.empty();
        }
        List<Contributor> contributors = new java.util.ArrayList<>(higher ? r.contributors() : a.contributors());
        for (Contributor c : higher ? a.contributors() : joined) {
            if (contributors.stream().noneMatch(x -> x.metric().equals(c.metric()))) {
                contributors.add(c);
            }
        }
        double score = higher ? round(r.score()) : a.score();
        Severity severity = worse ? r.severity() : a.severity();
        String summary = higher ? text(r) : joined.isEmpty() ? a.summary() : a.summary() + ", " + summary(joined);
        return Optional.of(new Anomaly(a.id(), a.host(), a.start(), a.timestamp(), null, score, severity, keys(contributors),
                contributors, summary));
    }

    static Anomaly ended(Anomaly a, Instant end) {
        return new Anomaly(a.id(), a.host(), a.start(), a.timestamp(), end, a.score(), a.severity(), a.metrics(),
                a.contributors(), a.summary());
    }

    private static List<String> keys(List<Contributor> cs) {
        return cs.stream().map(Contributor::metric).toList();
    }

    private static String text(RowResult r) {
        return r.summary().isEmpty() ? summary(r.contributors()) : r.summary();
    }

    /**
     * Each contributor's explanation ({@code cpu 97.0% (expected 9.7%-13.8%)}), or for contributors without one
     * {@code cpu 97.0% (baseline 12.0%)}: for records without the detector's own summary.
     */
    static String summary(List<Contributor> cs) {
        return cs.stream().map(c -> {
            if (!c.explanation().isEmpty()) {
                return c.explanation();
            }
            Optional<Metric> m = Metric.fromKey(c.metric());
            String v = m.map(x -> x.format(c.value())).orElse(String.valueOf(c.value()));
            String b = m.map(x -> x.format(c.baseline())).orElse(String.valueOf(c.baseline()));
            return c.metric() + " " + v + " (baseline " + b + ")";
        }).collect(Collectors.joining(", "));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Stable and unique per host and raise time: {@code an-<raise ms base 36>-<8 hex of the host's SHA-256>}. */
    static String id(String host, Instant raisedAt) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8));
            return "an-" + Long.toString(raisedAt.toEpochMilli(), 36) + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
