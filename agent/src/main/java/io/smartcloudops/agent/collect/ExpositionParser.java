package io.smartcloudops.agent.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Prometheus text exposition format (what node_exporter serves on {@code /metrics}),
 * keeping only the metric names asked for. Lines it cannot read are skipped and counted.
 */
public final class ExpositionParser {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    /** The samples plus how many lines could not be parsed. */
    public record Result(List<Sample> samples, int malformedLines) {
    }

    private ExpositionParser() {
    }

    public static Result parse(String text, Set<String> names) {
        List<Sample> out = new ArrayList<>();
        int malformed = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && isNameChar(line.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == 0) {
                malformed++;
                continue;
            }
            String name = line.substring(0, nameEnd);
            if (!names.contains(name)) {
                continue;
            }
            try {
                int[] pos = {nameEnd};
                Map<String, String> labels = line.length() > nameEnd && line.charAt(nameEnd) == '{'
                        ? parseLabels(line, pos) : Map.of();
                String rest = line.substring(pos[0]).strip();
                int space = rest.indexOf(' ');
                String value = space < 0 ? rest : rest.substring(0, space);
                out.add(new Sample(name, labels, parseValue(value)));
            } catch (RuntimeException e) {
                malformed++;
            }
        }
        return new Result(out, malformed);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static Map<String, String> parseLabels(String line, int[] pos) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = pos[0] + 1;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                i++;
            }
            if (i >= line.length()) {
                throw new IllegalArgumentException("unterminated labels");
            }
            if (line.charAt(i) == '}') {
                pos[0] = i + 1;
                return labels;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("bad label");
            }
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (true) {
                if (j >= line.length()) {
                    throw new IllegalArgumentException("unterminated label value");
                }
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < line.length()) {
                    char n = line.charAt(j + 1);
                    value.append(n == 'n' ? '\n' : n);
                    j += 2;
                } else if (c == '"') {
                    j++;
                    break;
                } else {
                    value.append(c);
                    j++;
                }
            }
            labels.put(key, value.toString());
            i = j;
        }
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }
}
