package io.smartcloudops.api.client;

import com.fasterxml.jackson.databind.JavaType;
import io.smartcloudops.api.ApiError;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.alert.AlertList;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.AnomalyList;
import io.smartcloudops.api.audit.AuditRecordList;
import io.smartcloudops.api.model.ModelCard;
import io.smartcloudops.api.oncall.AcknowledgeRequest;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceList;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.api.auth.WhoAmI;
import io.smartcloudops.api.chat.QueryRequest;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.remediation.Decision;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationList;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationPreview;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.series.Series;
import io.smartcloudops.api.status.AgentStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Typed client for the agent's REST API. Thread-safe; one instance per agent connection.
 * Every error status becomes an {@link AgentApiException} carrying the agent's {@link ApiError}.
 */
public final class AgentClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl baseUrl;
    private final String token;
    private final OkHttpClient http;

    private AgentClient(HttpUrl baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(true)
                .build();
    }

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     * @param token   bearer token, or null/blank for none
     */
    public static AgentClient create(String baseUrl, String token) {
        return create(baseUrl, token, Duration.ofSeconds(10));
    }

    public static AgentClient create(String baseUrl, String token, Duration timeout) {
        HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return new AgentClient(url, token == null || token.isBlank() ? null : token.trim(), timeout);
    }

    public String baseUrl() {
        return baseUrl.toString();
    }

    /** {@code GET /healthz}. */
    public Map<String, Object> healthz() {
        return get("/healthz", Map.of(), Json.mapper().getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class));
    }

    /** {@code GET /whoami}: the role of this client's token. */
    public WhoAmI whoami() {
        return get("/whoami", Map.of(), WhoAmI.class);
    }

    /**
     * The paths this agent serves, read from its {@code /openapi.yaml} (every route is documented
     * there), e.g. {@code /status}, {@code /remediations}. Lets a client say honestly that a feature
     * is not offered by an older agent instead of failing on a 404.
     */
    public Set<String> offeredPaths() {
        Set<String> paths = new LinkedHashSet<>();
        boolean inPaths = false;
        for (String line : openApi().split("\\R")) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.startsWith("paths:");
            } else if (inPaths && line.matches("^  /[^ ]*:\\s*$")) {
                paths.add(line.trim().replaceFirst(":$", ""));
            }
        }
        return paths;
    }

    /** {@code GET /status}. */
    public AgentStatus status() {
        return get("/status", Map.of(), AgentStatus.class);
    }

    /**
     * {@code GET /series}.
     *
     * @param since a duration back from now ({@code 15m}, {@code 1h}) or an ISO-8601 instant; null for the default
     */
    public Series series(String host, String metric, String since) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("host", host);
        q.put("metric", metric);
        q.put("since", since);
        return get("/series", q, Series.class);
    }

    /** {@code GET /anomalies}; any argument may be null. */
    public AnomalyList anomalies(Integer limit, String since, String host) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("limit", limit == null ? null : limit.toString());
        q.put("since", since);
        q.put("host", host);
        return get("/anomalies", q, AnomalyList.class);
    }

    /**
     * {@code GET /alerts}: alerts received from Alertmanager and Grafana, newest first; any argument may be null.
     *
     * @param state {@code firing} or {@code resolved}
     * @param host  a host as the agent names it
     * @param since {@code 10m}, ISO-8601 or {@code yyyy-MM-dd HH:mm:ss}: alerts active at or after it
     */
    public AlertList alerts(String state, String host, String since) {
        return alerts(state, host, since, null);
    }

    /** {@code GET /alerts} with a {@code limit} (1..1000, default 100). */
    public AlertList alerts(String state, String host, String since, Integer limit) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("state", state);
        q.put("host", host);
        q.put("since", since);
        q.put("limit", limit == null ? null : limit.toString());
        return get("/alerts", q, AlertList.class);
    }

    /** {@code POST /alerts/{id}/acknowledge} (operator): repeat notifications of it stop. */
    public Alert acknowledgeAlert(String id, String note) {
        return post("/alerts/" + id + "/acknowledge", new AcknowledgeRequest(note), Map.of(), Alert.class);
    }

    /** {@code DELETE /alerts/{id}/acknowledge} (operator): undoes an acknowledgement. */
    public Alert unacknowledgeAlert(String id) {
        return delete("/alerts/" + id + "/acknowledge", Alert.class);
    }

    /** {@code POST /anomalies/{id}/acknowledge} (operator): repeat notifications of it stop. */
    public Anomaly acknowledgeAnomaly(String id, String note) {
        return post("/anomalies/" + id + "/acknowledge", new AcknowledgeRequest(note), Map.of(), Anomaly.class);
    }

    /** {@code DELETE /anomalies/{id}/acknowledge} (operator): undoes an acknowledgement. */
    public Anomaly unacknowledgeAnomaly(String id) {
        return delete("/anomalies/" + id + "/acknowledge", Anomaly.class);
    }

    /** {@code POST /silences} (operator): snoozes what the request matches for its duration. */
    public Silence silence(SilenceRequest request) {
        return post("/silences", request, Map.of(), Silence.class);
    }

    /** {@code GET /silences?state=}: {@code active} (default), {@code expired}, {@code deleted} or {@code all}. */
    public SilenceList silences(String state) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("state", state);
        return get("/silences", q, SilenceList.class);
    }

    /** {@code DELETE /silences/{id}} (operator): ends a silence now. */
    public Silence deleteSilence(String id) {
        return delete("/silences/" + id, Silence.class);
    }

    /**
     * {@code POST /query}: asks the agent's assistant. Too many questions for one token answer 429, whose
     * detail says how many seconds to wait.
     */
    public QueryResponse query(QueryRequest request) {
        return post("/query", request, Map.of(), QueryResponse.class);
    }

    /** {@code POST /query} starting a new conversation. */
    public QueryResponse query(String question) {
        return query(QueryRequest.of(question));
    }

    /**
     * {@code POST /remediations}: runs (or dry-runs) an action. Use one new key per button press and the
     * same key for every retry of it: the agent then runs it at most once and answers retries with the
     * first result. The key may be null only for a dry run.
     *
     * @throws AgentApiException 400 naming the field, 404 unknown target, 409 cooldown or breaker,
     *                           429 rate limit (both with {@code Retry-After}), 503 audit log unavailable
     */
    public Remediation remediate(RemediationRequest request, String idempotencyKey) {
        return post("/remediations", request, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey),
                Remediation.class);
    }

    /** {@code POST /remediations/preview}: the plan of a request, checked, with nothing run or recorded. */
    public RemediationPreview previewRemediation(RemediationRequest request) {
        return post("/remediations/preview", request, Map.of(), RemediationPreview.class);
    }

    /** {@code GET /remediations/{id}}. */
    public Remediation remediation(String id) {
        return get("/remediations/" + id, Map.of(), Remediation.class);
    }

    /** {@code GET /remediations?state=&limit=}; both may be null. */
    public RemediationList remediations(String state, Integer limit) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("state", state);
        q.put("limit", limit == null ? null : limit.toString());
        return get("/remediations", q, RemediationList.class);
    }

    /** {@code GET /remediations?state=pending}: what waits for an operator's approval. */
    public RemediationList pending() {
        return remediations("pending", null);
    }

    /** {@code POST /remediations/{id}/approve}: runs a pending remediation (operator). */
    public Remediation approve(String id) {
        return approve(id, null);
    }

    public Remediation approve(String id, String reason) {
        return post("/remediations/" + id + "/approve", new Decision(reason), Map.of(), Remediation.class);
    }

    /** {@code POST /remediations/{id}/reject} (operator). */
    public Remediation reject(String id) {
        return reject(id, null);
    }

    public Remediation reject(String id, String reason) {
        return post("/remediations/" + id + "/reject", new Decision(reason), Map.of(), Remediation.class);
    }

    /** {@code GET /remediations/options}: enabled, allow-listed units, targets with cooldowns and breakers. */
    public RemediationOptions remediationOptions() {
        return get("/remediations/options", Map.of(), RemediationOptions.class);
    }

    /** {@code GET /logs}: the audit records {@code query} selects, newest first. */
    public AuditRecordList logs(LogQuery query) {
        return get("/logs", query.parameters(), AuditRecordList.class);
    }

    /** {@code GET /model}: the detector's model card and the names of its evaluation reports. */
    public ModelCard model() {
        return get("/model", Map.of(), ModelCard.class);
    }

    /** {@code GET /model/reports/{name}}: one evaluation report image (PNG bytes). */
    public byte[] modelReport(String name) {
        Request request = authorised(new Request.Builder().url(url("/model/reports/" + name, Map.of()))).get().build();
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                throw new AgentApiException(response.code(), parseError(response.code(),
                        new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            }
            return body;
        } catch (IOException e) {
            throw new AgentApiException("agent at " + baseUrl + " unreachable: " + e.getMessage(), e);
        }
    }

    /** {@code GET /metrics} in the Prometheus text format. */
    public String metrics() {
        return getText("/metrics", Map.of());
    }

    /** {@code GET /openapi.yaml}. */
    public String openApi() {
        return getText("/openapi.yaml", Map.of());
    }

    /** Subscribes to {@code GET /events}; reconnects until the subscription is closed. */
    public EventSubscription subscribe(AgentEventListener listener) {
        Request request = authorised(new Request.Builder().url(url("/events", Map.of())))
                .header("Accept", "text/event-stream")
                .build();
        EventSubscription subscription = new EventSubscription(http, request, listener);
        subscription.start();
        return subscription;
    }

    /** GET a JSON resource; null query values are left out. */
    public <T> T get(String path, Map<String, String> query, Class<T> type) {
        return get(path, query, Json.mapper().getTypeFactory().constructType(type));
    }

    public <T> T get(String path, Map<String, String> query, JavaType type) {
        Request request = authorised(new Request.Builder().url(url(path, query))).get().build();
        return decode(execute(request), type);
    }

    /** POST a JSON body; {@code headers} may carry e.g. {@code Idempotency-Key}. */
    public <T> T post(String path, Object body, Map<String, String> headers, Class<T> type) {
        Request.Builder builder = authorised(new Request.Builder().url(url(path, Map.of())))
                .post(RequestBody.create(Json.write(body), JSON));
        headers.forEach(builder::header);
        return decode(execute(builder.build()), Json.mapper().getTypeFactory().constructType(type));
    }

    /** DELETE a resource and decode the answer. */
    public <T> T delete(String path, Class<T> type) {
        Request request = authorised(new Request.Builder().url(url(path, Map.of()))).delete().build();
        return decode(execute(request), Json.mapper().getTypeFactory().constructType(type));
    }

    public String getText(String path, Map<String, String> query) {
        Request request = authorised(new Request.Builder().url(url(path, query))).get().build();
        return execute(request);
    }

    private HttpUrl url(String path, Map<String, String> query) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : path.replaceFirst("^/", "").split("/")) {
            b.addPathSegment(segment);
        }
        query.forEach((k, v) -> {
            if (v != null) {
                b.addQueryParameter(k, v);
            }
        });
        return b.build();
    }

    private Request.Builder authorised(Request.Builder builder) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private String execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                throw new AgentApiException(response.code(), parseError(response.code(), text));
            }
            return text;
        } catch (IOException e) {
            throw new AgentApiException("agent at " + baseUrl + " unreachable: " + e.getMessage(), e);
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
        String detail = TextCut.ellipsis(text, 200);
        return new ApiError("HTTP " + status, detail);
    }

    private static <T> T decode(String text, JavaType type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new AgentApiException("unexpected answer from agent: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
