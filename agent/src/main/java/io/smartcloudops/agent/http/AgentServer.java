package io.smartcloudops.agent.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.smartcloudops.agent.auth.FailedAuthLimiter;
import io.smartcloudops.agent.auth.TokenAuthenticator;
import io.smartcloudops.agent.config.BindAddress;
import io.smartcloudops.agent.config.ServerConfig;
import io.smartcloudops.api.ApiError;
import io.smartcloudops.api.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP server (Javalin on virtual threads). Owns what every route shares: the JSON mapper,
 * security headers, CORS (closed unless origins are configured), the request size limit, and turning
 * every error into {@code {"error","detail"}} JSON — a stack trace never reaches a client.
 */
public final class AgentServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);

    static final int OUTPUT_BUFFER_BYTES = 8 * 1024;

    private final Javalin app;
    private final BindAddress bind;
    private List<ApiRoutes.Route> routes = List.of();

    public AgentServer(ServerConfig config, TokenAuthenticator authenticator, List<RouteGroup> groups) {
        this(config, authenticator, FailedAuthLimiter.unlimited(), groups);
    }

    public AgentServer(ServerConfig config, TokenAuthenticator authenticator, FailedAuthLimiter failures,
                       List<RouteGroup> groups) {
        this.bind = BindAddress.parse("server.bind", config.bind());
        Set<String> corsOrigins = Set.copyOf(config.corsOrigins() == null ? List.of() : config.corsOrigins());
        this.app = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.http.maxRequestSize = config.maxRequestBytes();
            c.http.generateEtags = false;
            c.startup.showJavalinBanner = false;
            c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            // Every open response holds an output buffer (Jetty's default 32 KB, direct memory): 300 /events streams
            // held 10 MB (NMT "Other", bench/load). Events are a few hundred bytes; a larger answer is written
            // through in pieces of this size.
            c.jetty.modifyHttpConfiguration(http -> http.setOutputBufferSize(OUTPUT_BUFFER_BYTES));
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            ApiRoutes api = new ApiRoutes(c.routes, authenticator, failures);
            c.routes.before(ctx -> {
                securityHeaders(ctx);
                if (cors(ctx, corsOrigins)) {
                    return;
                }
                MethodOverride.refuse(ctx);
                api.gate(ctx);
            });
            groups.forEach(g -> g.register(api));
            routes = api.registered();
            c.routes.exception(ApiException.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                error(ctx, e.status(), e.error(), e.detail());
            });
            c.routes.exception(HttpResponseException.class, (e, ctx) ->
                    error(ctx, e.getStatus(), reason(e.getStatus()), e.getStatus() == 413
                            ? "body: larger than " + config.maxRequestBytes() + " bytes (server.max_request_bytes)"
                            : e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> {
                String id = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("request {} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
                error(ctx, 500, "internal error", "the agent could not answer; its log has error id " + id);
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "not found", "no route " + ctx.method() + " " + ctx.path());
                }
            });
            c.routes.error(405, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 405, "method not allowed", ctx.method() + " is not allowed on " + ctx.path());
                }
            });
        });
    }

    /** On every answer, Jetty's own refusals included ({@link JsonErrorHandler}). */
    static final Map<String, String> SECURITY_HEADERS = orderedMap(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Cache-Control", "no-store");

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /** Adds the CORS headers for a listed origin; true when this was a preflight, answered here. */
    private static boolean cors(Context ctx, Set<String> origins) {
        String origin = ctx.header("Origin");
        if (origin == null || !origins.contains(origin)) {
            return false;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
        ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE");
        // A browser asks before every call that carries a token: without a 2xx here the configured origin
        // could not use the API at all (there is no OPTIONS route).
        if (ctx.req().getMethod().equals("OPTIONS") && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
            return true;
        }
        return false;
    }

    static void error(Context ctx, int status, String error, String detail) {
        ctx.status(status).json(new ApiError(error, detail));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 408 -> "request timeout";
            case 413 -> "request too large";
            case 415 -> "unsupported media type";
            case 429 -> "too many requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "server error" : "request error";
        };
    }

    public AgentServer start() {
        app.start(bind.host(), bind.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    public String host() {
        return bind.host();
    }

    /** Base URL clients use, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String h = bind.host();
        if (h.equals("0.0.0.0") || h.equals("::")) {
            h = "127.0.0.1";
        } else if (h.contains(":")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port();
    }

    /** Every registered route with the role it needs. */
    public List<ApiRoutes.Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }
}
