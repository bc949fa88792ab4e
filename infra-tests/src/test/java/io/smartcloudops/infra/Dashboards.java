package io.smartcloudops.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Grafana dashboards in monitoring/grafana/dashboards and what their panels query. */
final class Dashboards {

    static final Path DIR = Repo.path("monitoring/grafana/dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One query of one panel (or annotation, or template variable). */
    record Query(String dashboard, String where, String datasourceType, String datasourceUid, JsonNode target) {
        String expr() {
            return target.path("expr").asText();
        }

        @Override
        public String toString() {
            return dashboard + " / " + where;
        }
    }

    private Dashboards() {
    }

    static Map<String, JsonNode> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            var out = new java.util.TreeMap<String, JsonNode>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                out.put(f.getFileName().toString(), JSON.readTree(f.toFile()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Panels, including those nested in rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            out.add(p);
            p.path("panels").forEach(out::add);
        });
        return out;
    }

    /** Every panel target, annotation and template-variable query of every dashboard. */
    static List<Query> queries() {
        List<Query> out = new ArrayList<>();
        all().forEach((file, d) -> {
            String title = d.path("title").asText();
            for (JsonNode p : panels(d)) {
                if (p.path("type").asText().equals("row")) {
                    continue;
                }
                for (JsonNode t : p.path("targets")) {
                    JsonNode ds = t.has("datasource") ? t.path("datasource") : p.path("datasource");
                    out.add(new Query(title, "panel \"" + p.path("title").asText() + "\" " + t.path("refId").asText(),
                            ds.path("type").asText(), ds.path("uid").asText(), t));
                }
            }
            for (JsonNode a : d.path("annotations").path("list")) {
                JsonNode ds = a.path("datasource");
                if (!ds.path("type").asText().equals("grafana")) {
                    out.add(new Query(title, "annotation \"" + a.path("name").asText() + "\"",
                            ds.path("type").asText(), ds.path("uid").asText(), a));
                }
            }
            for (JsonNode v : d.path("templating").path("list")) {
                if (v.path("type").asText().equals("query")) {
                    JsonNode ds = v.path("datasource");
                    out.add(new Query(title, "variable $" + v.path("name").asText(),
                            ds.path("type").asText(), ds.path("uid").asText(), v));
                }
            }
        });
        return out;
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*(\\w+)\\)$");

    /** {@code label_values(selector, label)} of a query variable, as [selector, label]. */
    static String[] labelValues(JsonNode variable) {
        String q = variable.path("query").isObject() ? variable.path("query").path("query").asText()
                : variable.path("query").asText();
        Matcher m = LABEL_VALUES.matcher(q.trim());
        if (!m.matches()) {
            throw new AssertionError("variable query is not label_values(selector, label): " + q);
        }
        return new String[] {m.group(1).trim(), m.group(2)};
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]|\\$(\\w+)");

    /**
     * A panel expression as Grafana sends it to Prometheus: template variables replaced by the
     * regex of their values, Grafana's interval macros by fixed durations.
     */
    static String expand(String expr, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = switch (name) {
                case "__rate_interval", "__range" -> "1m";
                case "__interval" -> "15s";
                default -> {
                    String v = variables.get(name);
                    if (v == null) {
                        throw new AssertionError("unknown template variable $" + name + " in " + expr);
                    }
                    yield v;
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
