package io.smartcloudops.agent.rules;

import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses a rule's {@code when:}. Grammar:
 * <pre>
 * expr       := and ("or" and)*
 * and        := primary ("and" primary)*
 * primary    := "(" expr ")" | comparison
 * comparison := METRIC OP NUMBER["%"] | "severity" ["(" METRIC ")"] OP SEVERITY | alert
 * alert      := "alert" "(" ALERTNAME ")" | "alert" "(" LABEL "=" VALUE ")"
 * OP         := &gt; | &gt;= | &lt; | &lt;= | == | !=
 * </pre>
 * Errors say what was expected and at which character.
 */
public final class ConditionParser {

    private record Token(String text, int pos) {
    }

    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final java.util.regex.Pattern ALERT_VALUE = java.util.regex.Pattern.compile("[^\\s\"'()]{1,256}");

    private final String source;
    private final List<Token> tokens;
    private int next;

    private ConditionParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    /** Parses {@code text}; {@link IllegalArgumentException} with a readable message when it is not a condition. */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required (e.g. \"cpu > 90\" or \"severity >= high\")");
        }
        if (text.length() > 1000) {
            throw new IllegalArgumentException("longer than 1000 characters");
        }
        ConditionParser p = new ConditionParser(text);
        Condition c = p.expr();
        if (p.next < p.tokens.size()) {
            throw p.error("expected 'and', 'or' or the end", p.tokens.get(p.next));
        }
        return c;
    }

    private Condition expr() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(primary()));
        while (accept("and")) {
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.getFirst() : new Condition.And(parts);
    }

    private Condition primary() {
        if (accept("(")) {
            Condition c = expr();
            expect(")");
            return c;
        }
        Token name = take("a metric (" + metricKeys() + "), 'severity' or 'alert'");
        String word = name.text().toLowerCase(Locale.ROOT);
        if (word.equals("alert")) {
            return alert();
        }
        if (word.equals("severity")) {
            Optional<Metric> metric = Optional.empty();
            if (accept("(")) {
                Token m = take("a metric");
                metric = Optional.of(metric(m));
                expect(")");
            }
            Condition.Op op = op();
            Token value = take("a severity (low, medium, high, critical)");
            Severity s = Severity.parse(value.text()).orElseThrow(() ->
                    error("expected a severity (low, medium, high, critical)", value));
            return new Condition.SeverityCompare(metric, op, s);
        }
        Metric metric = metric(name);
        Condition.Op op = op();
        Token value = take("a number");
        String v = value.text().endsWith("%") ? value.text().substring(0, value.text().length() - 1) : value.text();
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw error("expected a finite number", value);
            }
            return new Condition.MetricCompare(metric, op, d);
        } catch (NumberFormatException e) {
            throw error("expected a number", value);
        }
    }

    /** After {@code alert}: {@code (NAME)} or {@code (label=value)}. */
    private Condition alert() {
        expect("(");
        Token first = take("an alert name or label=value, e.g. alert(HighCPU) or alert(severity=critical)");
        String label = Condition.AlertMatch.NAME;
        String value = first.text();
        if (accept("=")) {
            if (!LABEL.matcher(first.text()).matches()) {
                throw error("expected a label name (letters, digits, _)", first);
            }
            label = first.text();
            value = take("a label value").text();
        } else if (!ALERT_VALUE.matcher(value).matches()) {
            throw error("expected an alert name", first);
        }
        if (!ALERT_VALUE.matcher(value).matches()) {
            throw error("expected a label value without spaces or quotes", null);
        }
        expect(")");
        return new Condition.AlertMatch(label, value);
    }

    private Metric metric(Token t) {
        return Metric.fromKey(t.text()).orElseThrow(() -> error("unknown metric (known: " + metricKeys() + ")", t));
    }

    private Condition.Op op() {
        Token t = take("a comparison (>, >=, <, <=, ==, !=)");
        return Condition.Op.parse(t.text()).orElseThrow(() -> error("expected a comparison (>, >=, <, <=, ==, !=)", t));
    }

    private boolean accept(String word) {
        if (next < tokens.size() && tokens.get(next).text().equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw error("expected '" + word + "'", next < tokens.size() ? tokens.get(next) : null);
        }
    }

    private Token take(String what) {
        if (next >= tokens.size()) {
            throw error("expected " + what, null);
        }
        return tokens.get(next++);
    }

    private IllegalArgumentException error(String message, Token at) {
        if (at == null) {
            return new IllegalArgumentException("'" + source + "': " + message + " at the end");
        }
        return new IllegalArgumentException("'" + source + "': " + message + " at character " + (at.pos() + 1)
                + " ('" + at.text() + "')");
    }

    private static String metricKeys() {
        return Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", "));
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(String.valueOf(c), i++));
            } else if ("<>=!".indexOf(c) >= 0) {
                int start = i++;
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                out.add(new Token(s.substring(start, i), start));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()<>=!".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), start));
            }
        }
        return out;
    }
}
