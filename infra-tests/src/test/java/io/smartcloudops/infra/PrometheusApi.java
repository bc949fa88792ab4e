package io.smartcloudops.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The parts of Prometheus's HTTP API the tests use, answering the raw JSON. */
final class PrometheusApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpUrl base;
    private final OkHttpClient http;

    PrometheusApi(String baseUrl, OkHttpClient http) {
        this.base = HttpUrl.get(baseUrl);
        this.http = http;
    }

    /** An instant query; fails on a transport error, answers Prometheus's JSON (status success or error). */
    JsonNode query(String promql) {
        return get(base.newBuilder().addPathSegments("api/v1/query").addQueryParameter("query", promql).build());
    }

    JsonNode queryRange(String promql, Duration range, Duration step) {
        Instant end = Instant.now();
        return get(base.newBuilder().addPathSegments("api/v1/query_range")
                .addQueryParameter("query", promql)
                .addQueryParameter("start", Long.toString(end.minus(range).getEpochSecond()))
                .addQueryParameter("end", Long.toString(end.getEpochSecond()))
                .addQueryParameter("step", step.toSeconds() + "s")
                .build());
    }

    /** Values of a label over the series a selector matches (Grafana's label_values(selector, label)). */
    Set<String> labelValues(String selector, String label) {
        JsonNode r = get(base.newBuilder().addPathSegments("api/v1/series").addQueryParameter("match[]", selector)
                .addQueryParameter("start", Long.toString(Instant.now().minusSeconds(3600).getEpochSecond())).build());
        Set<String> out = new LinkedHashSet<>();
        r.path("data").forEach(s -> {
            if (s.has(label)) {
                out.add(s.path(label).asText());
            }
        });
        return out;
    }

    JsonNode targets() {
        return get(base.newBuilder().addPathSegments("api/v1/targets").build());
    }

    JsonNode rules() {
        return get(base.newBuilder().addPathSegments("api/v1/rules").build());
    }

    boolean ready() {
        try (Response r = http.newCall(new Request.Builder().url(base.resolve("/-/ready")).build()).execute()) {
            return r.isSuccessful();
        } catch (IOException e) {
            return false;
        }
    }

    static List<JsonNode> series(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        answer.path("data").path("result").forEach(out::add);
        return out;
    }

    private JsonNode get(HttpUrl url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return JSON.readTree(r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        }
    }
}
