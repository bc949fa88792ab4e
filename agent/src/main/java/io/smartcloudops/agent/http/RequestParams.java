package io.smartcloudops.agent.http;

import io.javalin.http.Context;
import io.smartcloudops.agent.time.TimeText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Query parameters of one request, checked against the names the route accepts: an unknown, repeated,
 * over-long or malformed parameter is a 400 that names it, never silently ignored.
 */
public final class RequestParams {

    static final int MAX_LENGTH = 256;

    private final Map<String, List<String>> params;
    private final Clock clock;

    private RequestParams(Map<String, List<String>> params, Clock clock) {
        this.params = params;
        this.clock = clock;
    }

    public static RequestParams of(Context ctx, Clock clock, String... allowed) {
        Set<String> names = Set.of(allowed);
        Map<String, List<String>> params = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (!names.contains(p.getKey())) {
                throw ApiException.badParameter(UntrustedText.printable(p.getKey()), "unknown parameter (accepted: "
                        + String.join(", ", new TreeSet<>(names)) + ")");
            }
            if (p.getValue().size() > 1) {
                throw ApiException.badParameter(p.getKey(), "given more than once");
            }
            String v = p.getValue().isEmpty() ? "" : p.getValue().getFirst();
            if (v.length() > MAX_LENGTH) {
                throw ApiException.badParameter(p.getKey(), "longer than " + MAX_LENGTH + " characters");
            }
            if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw ApiException.badParameter(p.getKey(), "contains control characters");
            }
        }
        return new RequestParams(params, clock);
    }

    /** The trimmed value; empty when absent or blank. */
    public Optional<String> string(String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty() || v.getFirst().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.getFirst().trim());
    }

    public String required(String name, String hint) {
        return string(name).orElseThrow(() -> ApiException.badParameter(name, "is required" + (hint.isEmpty() ? "" : " (" + hint + ")")));
    }

    /** A point in time: {@code 10m} (back from now), ISO-8601, or {@code yyyy-MM-dd HH:mm:ss} UTC. */
    public Optional<Instant> time(String name) {
        return string(name).map(v -> {
            try {
                Instant t = TimeText.parse(v, clock);
                if (t.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
                    throw ApiException.badParameter(name, "'" + UntrustedText.printable(v) + "' is in the future");
                }
                return t;
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw ApiException.badParameter(name, e.getMessage() == null ? "'" + UntrustedText.printable(v) + "' is not a time" : e.getMessage());
            }
        });
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw ApiException.badParameter(name, "must be between " + min + " and " + max + " (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "'" + UntrustedText.printable(v.get()) + "' is not a whole number");
        }
    }
}
