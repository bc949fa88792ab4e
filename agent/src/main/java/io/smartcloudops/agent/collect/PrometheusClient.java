package io.smartcloudops.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The part of the Prometheus HTTP API the agent uses: {@code /api/v1/query} and {@code /api/v1/query_range}. */
public final class PrometheusClient {

    /** One series of an instant vector. */
    public record VectorSample(Map<String, String> labels, Instant timestamp, double value) {
    }

    /** One series of a range matrix. */
    public record MatrixSeries(Map<String, String> labels, List<Instant> timestamps, double[] values) {
    }

    private final HttpUrl base;
    private final OkHttpClient http;

    public PrometheusClient(URI url, Duration timeout) {
        HttpUrl parsed = HttpUrl.get(url.toString());
        this.base = parsed;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(false)
                .build();
    }

    public String url() {
        return base.toString();
    }

    public List<VectorSample> query(String promql, Instant time) throws SourceException {
        HttpUrl url = endpoint("query").addQueryParameter("query", promql)
                .addQueryParameter("time", seconds(time)).build();
        JsonNode data = call(url);
        if (!"vector".equals(data.path("resultType").asText())) {
            throw new SourceException("Prometheus returned " + data.path("resultType").asText() + ", expected a vector, for " + promql);
        }
        List<VectorSample> out = new ArrayList<>();
        for (JsonNode r : data.path("result")) {
            JsonNode v = r.path("value");
            out.add(new VectorSample(labels(r.path("metric")), instant(v.get(0)), number(v.get(1))));
        }
        return out;
    }

    public List<MatrixSeries> queryRange(String promql, Instant start, Instant end, Duration step) throws SourceException {
        HttpUrl url = endpoint("query_range").addQueryParameter("query", promql)
                .addQueryParameter("start", seconds(start))
                .addQueryParameter("end", seconds(end))
                .addQueryParameter("step", String.format(Locale.ROOT, "%.3f", step.toMillis() / 1000.0))
                .build();
        JsonNode data = call(url);
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new SourceException("Prometheus returned " + data.path("resultType").asText() + ", expected a matrix, for " + promql);
        }
        List<MatrixSeries> out = new ArrayList<>();
        for (JsonNode r : data.path("result")) {
            JsonNode values = r.path("values");
            List<Instant> ts = new ArrayList<>(values.size());
            double[] vs = new double[values.size()];
            int i = 0;
            for (JsonNode pair : values) {
                ts.add(instant(pair.get(0)));
                vs[i++] = number(pair.get(1));
            }
            out.add(new MatrixSeries(labels(r.path("metric")), ts, vs));
        }
        return out;
    }

    private HttpUrl.Builder endpoint(String name) {
        HttpUrl.Builder b = base.newBuilder();
        List<String> segments = base.pathSegments();
        if (segments.size() == 1 && segments.getFirst().isEmpty()) {
            b.removePathSegment(0);
        }
        return b.addPathSegment("api").addPathSegment("v1").addPathSegment(name);
    }

    private JsonNode call(HttpUrl url) throws SourceException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            JsonNode root;
            try {
                root = Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new SourceException("Prometheus at " + base + " answered " + response.code() + " with non-JSON (is this Prometheus?)");
            }
            if (!"success".equals(root.path("status").asText())) {
                throw new SourceException("Prometheus at " + base + " answered " + response.code() + ": "
                        + root.path("errorType").asText("error") + ": " + root.path("error").asText(body));
            }
            return root.path("data");
        } catch (IOException e) {
            throw new SourceException("Prometheus at " + base + " unreachable: " + describe(e), e);
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return "timed out";
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> out = new LinkedHashMap<>();
        metric.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }

    private static Instant instant(JsonNode seconds) {
        return Instant.ofEpochMilli(Math.round(seconds.asDouble() * 1000));
    }

    private static double number(JsonNode text) {
        String s = text.asText();
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static String seconds(Instant t) {
        return String.format(Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
    }
}
