package io.smartcloudops.agent.rules;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rule's {@code when:}: comparisons on a host's latest metric values ({@code cpu > 90}), on its open
 * anomalies ({@code severity >= high}, {@code severity(cpu) >= high}) and on the alerts firing on it
 * ({@code alert(HighCPU)}, {@code alert(severity=critical)}), combined with {@code and}/{@code or} and
 * parentheses. A metric the host does not report makes its comparison false (no data, no action).
 */
public sealed interface Condition {

    boolean holds(HostFacts facts);

    /** Whether anything in it reads alerts (such rules need no fresh samples to be checked). */
    default boolean readsAlerts() {
        return switch (this) {
            case AlertMatch a -> true;
            case And a -> a.parts().stream().anyMatch(Condition::readsAlerts);
            case Or o -> o.parts().stream().anyMatch(Condition::readsAlerts);
            default -> false;
        };
    }

    /** The condition as text, normalised. */
    String describe();

    /** The metrics this condition reads (to know whether fresh data exists). */
    List<Metric> metrics();

    /** {@code >}, {@code >=}, {@code <}, {@code <=}, {@code ==}, {@code !=}. */
    enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

        final String text;

        Op(String text) {
            this.text = text;
        }

        boolean test(int cmp) {
            return switch (this) {
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
            };
        }

        static Optional<Op> parse(String s) {
            for (Op o : values()) {
                if (o.text.equals(s)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code cpu > 90}: the latest value of a metric. */
    record MetricCompare(Metric metric, Op op, double threshold) implements Condition {
        @Override
        public boolean holds(HostFacts facts) {
            Double v = facts.latest().get(metric);
            return v != null && op.test(Double.compare(v, threshold));
        }

        @Override
        public String describe() {
            return metric.key() + " " + op.text + " " + format(threshold);
        }

        @Override
        public List<Metric> metrics() {
            return List.of(metric);
        }

        private static String format(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** {@code severity >= high} or {@code severity(cpu) >= high}: an open anomaly of the host (involving the metric). */
    record SeverityCompare(Optional<Metric> metric, Op op, Severity severity) implements Condition {
        @Override
        public boolean holds(HostFacts facts) {
            return facts.openAnomalies().stream()
                    .filter(a -> metric.isEmpty() || a.metrics() != null && a.metrics().contains(metric.get().key()))
                    .anyMatch(a -> a.severity() != null && op.test(a.severity().compareTo(severity)));
        }

        @Override
        public String describe() {
            return "severity" + metric.map(m -> "(" + m.key() + ")").orElse("") + " " + op.text + " " + severity.key();
        }

        @Override
        public List<Metric> metrics() {
            return List.of();
        }
    }

    /**
     * {@code alert(HighCPU)}: an alert of that name fires on the host; {@code alert(severity=critical)}: an alert
     * with that label value fires on it.
     */
    record AlertMatch(String label, String value) implements Condition {
        static final String NAME = "alertname";

        @Override
        public boolean holds(HostFacts facts) {
            return facts.firingAlerts().stream().anyMatch(a -> value.equals(a.labels().get(label)));
        }

        @Override
        public String describe() {
            return "alert(" + (label.equals(NAME) ? value : label + "=" + value) + ")";
        }

        @Override
        public List<Metric> metrics() {
            return List.of();
        }
    }

    record And(List<Condition> parts) implements Condition {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean holds(HostFacts facts) {
            return parts.stream().allMatch(p -> p.holds(facts));
        }

        @Override
        public String describe() {
            return parts.stream().map(p -> p instanceof Or ? "(" + p.describe() + ")" : p.describe())
                    .collect(Collectors.joining(" and "));
        }

        @Override
        public List<Metric> metrics() {
            return parts.stream().flatMap(p -> p.metrics().stream()).distinct().toList();
        }
    }

    record Or(List<Condition> parts) implements Condition {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean holds(HostFacts facts) {
            return parts.stream().anyMatch(p -> p.holds(facts));
        }

        @Override
        public String describe() {
            return parts.stream().map(Condition::describe).collect(Collectors.joining(" or "));
        }

        @Override
        public List<Metric> metrics() {
            return parts.stream().flatMap(p -> p.metrics().stream()).distinct().toList();
        }
    }
}
