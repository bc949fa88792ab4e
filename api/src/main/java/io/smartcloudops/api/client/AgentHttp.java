package io.smartcloudops.api.client;

import com.fasterxml.jackson.databind.JavaType;
import io.smartcloudops.api.ApiError;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.TextCut;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The HTTP under {@link AgentClient}: URLs below the agent's base, the bearer token, JSON in and out, and every
 * error status turned into an {@link AgentApiException} with the agent's {@link ApiError}.
 */
final class AgentHttp implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl baseUrl;
    private final String token;
    private final OkHttpClient http;

    AgentHttp(HttpUrl baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(true)
                .build();
    }

    HttpUrl baseUrl() {
        return baseUrl;
    }

    OkHttpClient client() {
        return http;
    }

    /** A request to {@code path} below the base URL with the token; null query values are left out. */
    Request.Builder request(String path, Map<String, String> query) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : path.replaceFirst("^/", "").split("/")) {
            b.addPathSegment(segment);
        }
        query.forEach((k, v) -> {
            if (v != null) {
                b.addQueryParameter(k, v);
            }
        });
        Request.Builder builder = new Request.Builder().url(b.build());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    RequestBody json(Object body) {
        return RequestBody.create(Json.write(body), JSON);
    }

    String text(Request request) {
        return new String(bytes(request), StandardCharsets.UTF_8);
    }

    byte[] bytes(Request request) {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                throw new AgentApiException(response.code(), parseError(response.code(), new String(body, StandardCharsets.UTF_8)));
            }
            return body;
        } catch (IOException e) {
            throw new AgentApiException("agent at " + baseUrl + " unreachable: " + e.getMessage(), e);
        }
    }

    <T> T decode(Request request, JavaType type) {
        String text = text(request);
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new AgentApiException("unexpected answer from agent: " + e.getMessage(), e);
        }
    }

    private static ApiError parseError(int status, String text) {
        try {
            ApiError e = Json.mapper().readValue(text, ApiError.class);
            if (e.error() != null) {
                return e;
            }
        } catch (IOException | RuntimeException ignored) {
            // not our JSON error shape (a proxy in between?): keep the raw text below
        }
        return new ApiError("HTTP " + status, TextCut.ellipsis(text, 200));
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
