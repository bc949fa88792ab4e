package io.smartcloudops.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code --source} value: {@code local}, {@code prometheus:URL}, {@code node-exporter:URL[,URL...]}
 * or {@code replay:CSV[,CSV...][?speed=N&loop=true&host=NAME&metric=cpu]} (a CSV may be a directory of CSVs).
 */
public sealed interface SourceSpec {

    String text();

    record Local(String text) implements SourceSpec {
    }

    record Prometheus(String text, URI url) implements SourceSpec {
    }

    record NodeExporter(String text, List<URI> urls) implements SourceSpec {
    }

    /**
     * @param paths  CSV files or directories of CSV files
     * @param speed  replay speed (1 = the CSV's own pace; 60 = a 5-minute step every 5 s)
     * @param loop   start again at the end
     * @param host   host name for a single file (default: file name without {@code .csv})
     * @param metric metric of a one-metric NAB file (default: guessed from the file name, else cpu)
     */
    record Replay(String text, List<Path> paths, double speed, boolean loop, String host, String metric)
            implements SourceSpec {
    }

    static SourceSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty source (expected local, prometheus:URL, node-exporter:URL or replay:CSV)");
        }
        String t = text.trim();
        if (t.equals("local")) {
            return new Local(t);
        }
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : t.substring(colon + 1);
        return switch (kind) {
            case "prometheus" -> new Prometheus(t, httpUrl(rest, "prometheus"));
            case "node-exporter" -> {
                List<URI> urls = new ArrayList<>();
                for (String u : rest.split(",")) {
                    if (!u.isBlank()) {
                        urls.add(httpUrl(u.trim(), "node-exporter"));
                    }
                }
                if (urls.isEmpty()) {
                    throw new IllegalArgumentException("node-exporter: needs at least one URL, e.g. node-exporter:http://127.0.0.1:9100");
                }
                yield new NodeExporter(t, List.copyOf(urls));
            }
            case "replay" -> replay(t, rest);
            default -> throw new IllegalArgumentException("unknown source '" + t
                    + "' (expected local, prometheus:URL, node-exporter:URL[,URL...] or replay:CSV[?speed=N])");
        };
    }

    private static URI httpUrl(String text, String kind) {
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(kind + ": '" + text + "' is not an http(s) URL, e.g. "
                        + kind + ":http://127.0.0.1:" + (kind.equals("prometheus") ? "9090" : "9100"));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(kind + ": '" + text + "' is not a URL: " + e.getReason());
        }
    }

    private static Replay replay(String text, String rest) {
        int q = rest.indexOf('?');
        String files = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String kv : rest.substring(q + 1).split("&")) {
                if (kv.isBlank()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("replay: parameter '" + kv + "' is not NAME=VALUE");
                }
                params.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        List<Path> paths = new ArrayList<>();
        for (String f : files.split(",")) {
            if (!f.isBlank()) {
                paths.add(Path.of(f.trim()));
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("replay: needs a CSV file, e.g. replay:incident.csv?speed=60");
        }
        double speed = 1;
        boolean loop = false;
        String host = null;
        String metric = null;
        for (Map.Entry<String, String> p : params.entrySet()) {
            switch (p.getKey()) {
                case "speed" -> {
                    try {
                        speed = Double.parseDouble(p.getValue());
                    } catch (NumberFormatException e) {
                        speed = -1;
                    }
                    if (!(speed > 0) || speed > 1_000_000) {
                        throw new IllegalArgumentException("replay: speed must be a number > 0 (got '" + p.getValue() + "')");
                    }
                }
                case "loop" -> loop = Boolean.parseBoolean(p.getValue());
                case "host" -> host = p.getValue();
                case "metric" -> {
                    metric = p.getValue();
                    if (io.smartcloudops.api.Metric.fromKey(metric).isEmpty()) {
                        throw new IllegalArgumentException("replay: unknown metric '" + metric + "'");
                    }
                }
                default -> throw new IllegalArgumentException("replay: unknown parameter '" + p.getKey()
                        + "' (known: speed, loop, host, metric)");
            }
        }
        return new Replay(text, List.copyOf(paths), speed, loop, host, metric);
    }
}
