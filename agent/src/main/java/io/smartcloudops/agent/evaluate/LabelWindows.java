package io.smartcloudops.agent.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.time.TimeText;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Labelled anomaly windows in NAB's {@code combined_windows} format:
 * {@code {"<key>": [["start", "end"], ...]}}, both ends inclusive, naive timestamps taken as UTC. A key
 * with {@code []} has no anomaly, so every alarm on it is false.
 */
public record LabelWindows(Map<String, List<Window>> byKey) {

    /** One labelled window. */
    public record Window(Instant start, Instant end) {
        public Window {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("window end " + end + " before start " + start);
            }
        }

        public boolean contains(Instant t) {
            return !t.isBefore(start) && !t.isAfter(end);
        }
    }

    public LabelWindows {
        Map<String, List<Window>> copy = new LinkedHashMap<>();
        byKey.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byKey = Collections.unmodifiableMap(copy);
    }

    /** Reads a labels file; errors name the file and the key. */
    public static LabelWindows read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": labels file not found");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": labels must be a JSON object {\"file\": [[\"start\", \"end\"], ...]}");
        }
        Map<String, List<Window>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey();
            if (!e.getValue().isArray()) {
                throw new IOException(file + ": \"" + key + "\" must be a list of [start, end] pairs");
            }
            List<Window> windows = new ArrayList<>();
            for (JsonNode w : e.getValue()) {
                if (!w.isArray() || w.size() != 2 || !w.get(0).isTextual() || !w.get(1).isTextual()) {
                    throw new IOException(file + ": window for " + key + " must be [\"start\", \"end\"]: " + w);
                }
                try {
                    windows.add(new Window(parse(w.get(0).asText()), parse(w.get(1).asText())));
                } catch (IllegalArgumentException ex) {
                    throw new IOException(file + ": window for " + key + ": " + ex.getMessage());
                }
            }
            out.put(key, windows);
        }
        return new LabelWindows(out);
    }

    /** A label timestamp: ISO-8601, or {@code yyyy-MM-dd HH:mm:ss[.ffffff]} as NAB writes it (UTC). */
    static Instant parse(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        if (t.length() >= 19 && t.indexOf('Z') < 0 && t.indexOf('+', 10) < 0 && t.indexOf('-', 10) < 0) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);  // the common naive form, without exceptions
            } catch (DateTimeParseException ignored) {
                // fall through to the general parser and its message
            }
        }
        return TimeText.parseAbsolute(t);
    }

    /**
     * The label key a data file or alarm file name belongs to: the key itself, a path ending in
     * {@code /<key>}, or (when unique) a file with the key's base name.
     */
    public Optional<String> keyFor(String name) {
        String n = name.replace('\\', '/');
        if (byKey.containsKey(n)) {
            return Optional.of(n);
        }
        for (String k : byKey.keySet()) {
            if (n.endsWith("/" + k)) {
                return Optional.of(k);
            }
        }
        String base = baseName(n);
        List<String> same = byKey.keySet().stream().filter(k -> baseName(k).equals(base)).toList();
        return same.size() == 1 ? Optional.of(same.getFirst()) : Optional.empty();
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The windows of {@code key} as [first row, last row] of a series with these row timestamps (empty windows left out). */
    public List<int[]> rowRanges(String key, List<Instant> times) {
        List<int[]> out = new ArrayList<>();
        for (Window w : windows(key)) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < times.size(); i++) {
                if (w.contains(times.get(i))) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0) {
                out.add(new int[] {first, last});
            }
        }
        return out;
    }

    public List<Window> windows(String key) {
        return byKey.getOrDefault(key, List.of());
    }
}
