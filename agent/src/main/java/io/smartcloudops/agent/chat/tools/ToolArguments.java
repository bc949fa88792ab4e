package io.smartcloudops.agent.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.agent.http.UntrustedText;
import io.smartcloudops.agent.time.TimeText;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one tool call, checked against its {@link ToolParam}s: unknown names, wrong types,
 * values outside the allowed set or range, over-long strings and control characters are refused with the
 * argument named. JSON {@code null} counts as absent (models send it for optional arguments).
 */
public final class ToolArguments {

    private final Map<String, ToolParam> params;
    private final ObjectNode values;
    private final Clock clock;

    private ToolArguments(Map<String, ToolParam> params, ObjectNode values, Clock clock) {
        this.params = params;
        this.values = values;
        this.clock = clock;
    }

    /** Parses the raw JSON a model sent. */
    static ToolArguments parse(String json, List<ToolParam> params, Clock clock) {
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split(" \\(|\n|;", 2)[0];
            throw new ToolArgumentException("arguments", "not valid JSON (" + why + ")");
        }
        return of(node, params, clock);
    }

    static ToolArguments of(JsonNode node, List<ToolParam> params, Clock clock) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            node = Json.mapper().createObjectNode();
        }
        if (!node.isObject()) {
            throw new ToolArgumentException("arguments", "must be a JSON object");
        }
        Map<String, ToolParam> byName = new java.util.LinkedHashMap<>();
        params.forEach(p -> byName.put(p.name(), p));
        ObjectNode values = Json.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            ToolParam p = byName.get(f.getKey());
            if (p == null) {
                throw new ToolArgumentException(UntrustedText.printable(f.getKey()), "unknown argument (accepted: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
            }
            if (!f.getValue().isNull()) {
                values.set(p.name(), check(p, f.getValue()));
            }
        }
        for (ToolParam p : params) {
            if (p.required() && !values.has(p.name())) {
                throw new ToolArgumentException(p.name(), "is required");
            }
        }
        return new ToolArguments(byName, values, clock);
    }

    private static JsonNode check(ToolParam p, JsonNode v) {
        if (p.type().equals("integer")) {
            if (!v.isIntegralNumber() && !(v.isTextual() && v.asText().trim().matches("-?\\d{1,9}"))) {
                throw new ToolArgumentException(p.name(), "must be a whole number");
            }
            long n = v.isIntegralNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
            if (n < p.min() || n > p.max()) {
                throw new ToolArgumentException(p.name(), "must be between " + p.min() + " and " + p.max() + " (got " + n + ")");
            }
            return Json.mapper().getNodeFactory().numberNode((int) n);
        }
        if (!v.isTextual()) {
            throw new ToolArgumentException(p.name(), "must be a string");
        }
        String s = v.asText().strip();
        if (s.length() > p.max()) {
            throw new ToolArgumentException(p.name(), "longer than " + p.max() + " characters");
        }
        if (s.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new ToolArgumentException(p.name(), "contains control characters");
        }
        if (!p.allowed().isEmpty()) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            if (!p.allowed().contains(lower)) {
                throw new ToolArgumentException(p.name(), "'" + UntrustedText.printable(s) + "' is not one of " + String.join(", ", p.allowed()));
            }
            s = lower;
        }
        return Json.mapper().getNodeFactory().textNode(s);
    }

    /** The validated arguments, as given (for {@code data} and logs). */
    public ObjectNode json() {
        return values.deepCopy();
    }

    public Optional<String> string(String name) {
        known(name);
        JsonNode v = values.get(name);
        return v == null || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    public String stringOrNull(String name) {
        return string(name).orElse(null);
    }

    public int integer(String name, int defaultValue) {
        known(name);
        JsonNode v = values.get(name);
        return v == null ? defaultValue : v.asInt();
    }

    public Metric metricOrNull(String name) {
        return string(name).map(k -> Metric.fromKey(k).orElseThrow(() ->
                new ToolArgumentException(name, "unknown metric '" + UntrustedText.printable(k) + "'"))).orElse(null);
    }

    public Severity severityOrNull(String name) {
        return string(name).map(k -> Severity.parse(k).orElseThrow(() ->
                new ToolArgumentException(name, "unknown severity '" + UntrustedText.printable(k) + "'"))).orElse(null);
    }

    /** A time: {@code 1h} (back from now), ISO-8601, or {@code yyyy-MM-dd HH:mm:ss} UTC; never in the future. */
    public Optional<Instant> time(String name) {
        return string(name).map(v -> {
            Instant t;
            try {
                t = TimeText.parse(v, clock);
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                throw new ToolArgumentException(name, e.getMessage() == null ? "'" + UntrustedText.printable(v) + "' is not a time" : e.getMessage());
            }
            if (t.isAfter(clock.instant().plus(Duration.ofMinutes(1)))) {
                throw new ToolArgumentException(name, "'" + UntrustedText.printable(v) + "' is in the future");
            }
            return t;
        });
    }

    private void known(String name) {
        if (!params.containsKey(name)) {
            throw new IllegalArgumentException("tool has no argument " + name);
        }
    }
}
