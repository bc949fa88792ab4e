package io.smartcloudops.agent.oncall;

import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.time.DurationText;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.oncall.SilenceRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks a {@code POST /silences} body; every refusal is a 400 naming the field. */
final class SilenceRequests {

    static final Duration MIN = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofDays(30);
    static final int MAX_REASON = 500;
    static final int MAX_LABELS = 16;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");

    /** A request that passed. */
    record Checked(String host, String metric, String rule, Map<String, String> labels, Duration duration, String reason) {
    }

    private final Supplier<Set<String>> ruleNames;

    SilenceRequests(Supplier<Set<String>> ruleNames) {
        this.ruleNames = ruleNames;
    }

    Checked check(SilenceRequest r) {
        if (r == null) {
            throw ApiException.badParameter("body", "a JSON object {host, metric, rule, labels, duration, reason} is required");
        }
        String host = blankToNull(r.host());
        if (host != null && !HOST.matcher(host).matches()) {
            throw ApiException.badParameter("host", "not a host name (letters, digits, . _ : % -, at most 253 characters)");
        }
        String metric = blankToNull(r.metric());
        if (metric != null && Metric.fromKey(metric).isEmpty()) {
            throw ApiException.badParameter("metric", "unknown metric (expected one of "
                    + Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", ")) + ")");
        }
        metric = metric == null ? null : Metric.fromKey(metric).orElseThrow().key();
        String rule = blankToNull(r.rule());
        if (rule != null && !ruleNames.get().contains(rule)) {
            Set<String> known = new TreeSet<>(ruleNames.get());
            throw ApiException.badParameter("rule", "no rule of that name (rules: "
                    + (known.isEmpty() ? "none loaded" : String.join(", ", known)) + ")");
        }
        Map<String, String> labels = labels(r.labels());
        if (host == null && metric == null && rule == null && labels.isEmpty()) {
            throw ApiException.badParameter("body", "give at least one of host, metric, rule or labels (a silence "
                    + "that matches everything is not allowed)");
        }
        if (r.duration() == null || r.duration().isBlank()) {
            throw ApiException.badParameter("duration", "required, e.g. 15m, 1h, 4h");
        }
        Duration d;
        try {
            d = DurationText.parse(r.duration());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("duration", e.getMessage());
        }
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw ApiException.badParameter("duration", "must be between 1m and 30d (got " + DurationText.format(d) + ")");
        }
        String reason = r.reason() == null ? "" : r.reason().strip();
        if (reason.isEmpty()) {
            throw ApiException.badParameter("reason", "required: say why, for whoever looks at it later");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.badParameter("reason", "longer than " + MAX_REASON + " characters");
        }
        if (hasControl(reason)) {
            throw ApiException.badParameter("reason", "contains control characters");
        }
        return new Checked(host, metric, rule, labels, d, reason);
    }

    private static Map<String, String> labels(Map<String, String> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        if (in.size() > MAX_LABELS) {
            throw ApiException.badParameter("labels", "more than " + MAX_LABELS + " labels");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : in.entrySet()) {
            String k = e.getKey();
            if (k == null || k.isBlank() || k.length() > 256 || hasControl(k)) {
                throw ApiException.badParameter("labels", "a label name is empty, longer than 256 characters or has control characters");
            }
            String v = e.getValue();
            if (v == null || v.length() > 1024 || hasControl(v)) {
                throw ApiException.badParameter("labels." + k, "must be a string of at most 1024 characters without control characters");
            }
            out.put(k, v);
        }
        return out;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
