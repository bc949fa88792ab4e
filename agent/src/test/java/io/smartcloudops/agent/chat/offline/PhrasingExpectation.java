package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The expected reading of one corpus line ({@code resources/chat/phrasings/README.md}) and how a parsed
 * {@link Intent} is held against it. {@link #miss} names the first thing that differs, or is empty.
 */
record PhrasingExpectation(Set<String> intents, Map<String, String> fields) {

    /** The limit of an audit-log answer (OfflineAssistant): what "the last 20 log entries" gets. */
    private static final int LOG_LIMIT = 20;

    static PhrasingExpectation parse(String text) {
        String[] parts = text.trim().split("\\s+");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not key=value: '" + parts[i] + "' in '" + text + "'");
            }
            fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return new PhrasingExpectation(Set.of(parts[0].split("\\|")), fields);
    }

    /** The first intent named: the line's category in the per-intent figures. */
    String label() {
        return intents.stream().sorted().findFirst().orElseThrow();
    }

    String text() {
        StringBuilder sb = new StringBuilder(String.join("|", intents.stream().sorted().toList()));
        fields.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /** A complete proposal: the one reading that creates a pending approval. */
    static boolean proposes(Intent intent) {
        return intent instanceof Intent.Propose p && p.missing() == null;
    }

    Optional<String> miss(Intent got, Instant now, Collection<String> known) {
        String last = "intent";
        for (String intent : intents.stream().sorted().toList()) {
            Optional<String> why = missAs(intent, got, now, known);
            if (why.isEmpty()) {
                return Optional.empty();
            }
            last = why.get();
        }
        return Optional.of(last);
    }

    private Optional<String> missAs(String intent, Intent got, Instant now, Collection<String> known) {
        return switch (intent) {
            case "current" -> got instanceof Intent.CurrentMetrics c
                    ? first(hosts(c.hosts()), metrics(c.metrics()))
                    : wrongIntent();
            case "stats" -> got instanceof Intent.SeriesStats s
                    ? first(hosts(s.hosts()), metrics(s.metrics()), range(s.range(), now))
                    : wrongIntent();
            case "anomalies" -> anomalies(got, now);
            case "explain" -> got instanceof Intent.Explain e ? host(e.host()) : wrongIntent();
            case "logs" -> got instanceof Intent.Logs l
                    ? first(host(l.host()), range(l.range(), now),
                            fields.containsKey("count") ? equal("count", Integer.toString(LOG_LIMIT)) : Optional.empty())
                    : wrongIntent();
            case "status" -> got instanceof Intent.Status ? Optional.empty() : wrongIntent();
            case "busiest" -> got instanceof Intent.Busiest b
                    ? first(metrics(List.of(b.metric())), equal("count", b.top() == 0 ? null : Integer.toString(b.top())))
                    : wrongIntent();
            case "compare" -> compare(got, now);
            case "unknown-topic" -> got instanceof Intent.UnknownTopic ? Optional.empty() : wrongIntent();
            case "alerts" -> got instanceof Intent.Alerts a ? host(a.host()) : wrongIntent();
            case "remediations" -> got instanceof Intent.Remediations r
                    ? first(host(r.host()), range(r.range(), now),
                            // checked only when the line names one (the first two batches did not)
                            fields.containsKey("result") ? equal("result", r.result() == null ? null : r.result().key())
                                    : Optional.empty())
                    : wrongIntent();
            // the answer lists every silence, the host's among them: no host to check
            case "silences" -> got instanceof Intent.Snoozed ? Optional.empty() : wrongIntent();
            case "propose" -> got instanceof Intent.Propose p && p.missing() == null
                    ? first(equal("action", p.action().key()), equal("host", p.target()),
                            equal("unit", p.params().get("unit")))
                    : wrongIntent();
            case "no-action" -> proposes(got) ? Optional.of("proposed an action") : Optional.empty();
            case "clarify" -> got instanceof Intent.Propose p && p.missing() != null
                    || got instanceof Intent.Ambiguous || got instanceof Intent.UnclearTime ? Optional.empty() : wrongIntent();
            case "unknown-host" -> got instanceof Intent.Help h && h.unknownHost() != null
                    // a proposal for a host the agent does not know: the remediation's validation refuses it
                    || got instanceof Intent.Propose p && p.target() != null && !known.contains(p.target())
                    ? Optional.empty() : wrongIntent();
            // "I don't know that" (UnknownTopic) is also no data and no action
            // the third batch's labels (session 8)
            case "acks" -> got instanceof Intent.Acknowledged a ? first(host(a.host()), range(a.range(), now)) : wrongIntent();
            case "detector" -> got instanceof Intent.DetectorState d ? host(d.host()) : wrongIntent();
            case "band" -> got instanceof Intent.Usual u ? first(host(u.host()), metrics(u.metrics())) : wrongIntent();
            // what the notification journal says was sent (session 8b; before, an honest "I don't know" was the best)
            case "notifications" -> got instanceof Intent.Notifications n ? first(host(n.host()), range(n.range(), now)) : wrongIntent();
            case "none" -> got instanceof Intent.Unsupported || got instanceof Intent.UnknownTopic
                    || got instanceof Intent.Help h && h.unknownHost() == null
                    ? Optional.empty() : wrongIntent();
            default -> throw new IllegalArgumentException("unknown intent in the corpus: " + intent);
        };
    }

    /** Two hosts side by side: their values now, or their statistics over the range asked. */
    private Optional<String> compare(Intent got, Instant now) {
        List<String> hosts;
        List<Metric> metrics;
        Optional<String> range;
        if (got instanceof Intent.CurrentMetrics c && !fields.containsKey("from")) {
            hosts = c.hosts();
            metrics = c.metrics();
            range = Optional.empty();
        } else if (got instanceof Intent.SeriesStats s) {
            hosts = s.hosts();
            metrics = s.metrics();
            range = range(s.range(), now);
        } else {
            return wrongIntent();
        }
        Set<String> want = Set.of(fields.get("host").split(","));
        Optional<String> sameHosts = hosts.size() == want.size() && want.containsAll(hosts) ? Optional.empty()
                : Optional.of("hosts " + hosts + " instead of " + want);
        return first(sameHosts, metrics(metrics), range);
    }

    private Optional<String> anomalies(Intent got, Instant now) {
        if (got instanceof Intent.Anomalies a) {
            return first(host(a.host()),
                    fields.containsKey("count") ? a.countGiven() ? equal("count", Integer.toString(a.count()))
                            : Optional.of("count not read") : Optional.empty(),
                    severity(a.minSeverity()), range(a.range(), now));
        }
        // "what happened to web-1 in the last hour" lists the host's anomalies in the range, then its values now
        if (got instanceof Intent.Explain e && e.range() != null && fields.containsKey("host")
                && !fields.containsKey("count") && !fields.containsKey("severity")) {
            return first(host(e.host()), range(e.range(), now));
        }
        return wrongIntent();
    }

    private Optional<String> severity(Severity got) {
        String want = fields.get("severity");
        if (want == null) {
            return got == null ? Optional.empty() : Optional.of("severity " + got + " not asked");
        }
        return Severity.parse(want).equals(Optional.ofNullable(got)) ? Optional.empty()
                : Optional.of("severity " + got + " instead of " + want);
    }

    private Optional<String> hosts(List<String> got) {
        String want = fields.get("host");
        List<String> expected = want == null ? List.of() : List.of(want);
        return got.equals(expected) ? Optional.empty() : Optional.of("hosts " + got + " instead of " + expected);
    }

    private Optional<String> host(String got) {
        return equal("host", got);
    }

    private Optional<String> metrics(List<Metric> got) {
        String want = fields.get("metric");
        if (want == null) {
            return got.isEmpty() ? Optional.empty() : Optional.of("metrics " + got + " instead of every metric");
        }
        Set<String> accepted = Set.of(want.split("\\|"));
        return got.size() == 1 && accepted.contains(got.getFirst().key()) ? Optional.empty()
                : Optional.of("metrics " + got + " instead of " + want);
    }

    /** {@code key} equals the field (either of {@code a|b}); absent field = the value must be absent. */
    private Optional<String> equal(String key, String got) {
        String want = fields.get(key);
        if (want == null) {
            return got == null ? Optional.empty() : Optional.of(key + " " + got + " not asked");
        }
        return got != null && Arrays.asList(want.split("\\|")).contains(got.toLowerCase(Locale.ROOT)) ? Optional.empty()
                : Optional.of(key + " " + got + " instead of " + want);
    }

    private Optional<String> range(TimeRange got, Instant now) {
        String from = fields.get("from");
        if (from == null) {
            return got == null ? Optional.empty() : Optional.of("range " + got.label() + " not asked");
        }
        if (got == null) {
            return Optional.of("no time range");
        }
        Instant wantFrom = instant(from, now);
        Instant wantUntil = fields.containsKey("to") ? instant(fields.get("to"), now) : null;
        Instant gotUntil = now.equals(got.until()) ? null : got.until();
        if (!wantFrom.equals(got.from()) || !java.util.Objects.equals(wantUntil, gotUntil)) {
            return Optional.of("range " + got.from() + ".." + (got.until() == null ? "now" : got.until())
                    + " instead of " + wantFrom + ".." + (wantUntil == null ? "now" : wantUntil));
        }
        return Optional.empty();
    }

    static Instant instant(String text, Instant now) {
        if (text.startsWith("now-")) {
            String amount = text.substring(4);
            return now.minus(TimeExpressions.duration(amount.replaceAll("\\D+$", ""), amount.replaceAll("^\\d+", "")));
        }
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    private Optional<String> wrongIntent() {
        return Optional.of("wrong intent");
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... checks) {
        return Arrays.stream(checks).flatMap(Optional::stream).findFirst();
    }
}
