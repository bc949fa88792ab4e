package io.smartcloudops.agent.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import io.smartcloudops.agent.auth.FailedAuthLimiter;
import io.smartcloudops.agent.auth.Principal;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.auth.TokenAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Route registration with the role each route needs. Every request but a GET or HEAD of an explicitly open
 * route must carry a valid bearer token, checked before routing ({@link #gate}): 401 without one, whatever
 * the path or method, so a client without a token cannot tell which paths exist. Each route then checks
 * the token's role (403 when it is too weak).
 */
public final class ApiRoutes {

    /**
     * A registered route, for the OpenAPI consistency test, the hostile-input suites and the docs.
     *
     * @param role null for an open route
     * @param body the body it reads, null for none
     */
    public record Route(String method, String path, Role role, JsonBody<?> body) {
        public Route(String method, String path, Role role) {
            this(method, path, role, null);
        }
    }

    private static final String PRINCIPAL = "smartcloudops.principal";

    private final RoutesConfig routes;
    private final TokenAuthenticator authenticator;
    private final FailedAuthLimiter failures;
    private final List<Route> registered = new ArrayList<>();

    ApiRoutes(RoutesConfig routes, TokenAuthenticator authenticator, FailedAuthLimiter failures) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.failures = failures;
    }

    /** A read route; HEAD runs the same handler (same token, same status, no body: Jetty drops it). */
    public ApiRoutes get(String path, Role role, Handler handler) {
        registered.add(new Route("GET", path, role));
        routes.get(path, guarded(role, handler));
        routes.head(path, guarded(role, handler));
        return this;
    }

    /** A route that changes something; it reads its body with {@code body} and nothing else. */
    public <T> ApiRoutes post(String path, Role role, JsonBody<T> body, JsonBody.Handler<T> handler) {
        registered.add(new Route("POST", path, role, body));
        routes.post(path, guarded(role, ctx -> handler.handle(ctx, body.read(ctx))));
        return this;
    }

    public ApiRoutes delete(String path, Role role, Handler handler) {
        registered.add(new Route("DELETE", path, role));
        routes.delete(path, guarded(role, handler));
        return this;
    }

    /** A route anyone on the network may call (no token): {@code /healthz}, and {@code /metrics} unless configured. */
    public ApiRoutes open(String path, Handler handler) {
        registered.add(new Route("GET", path, null));
        routes.get(path, handler);
        routes.head(path, handler);
        return this;
    }

    public ApiRoutes sse(String path, Role role, Consumer<SseClient> client) {
        registered.add(new Route("GET", path, role));
        routes.before(path, ctx -> {
            if (ctx.method().name().equals("GET")) {
                authorise(ctx, role);
                checkAcceptsEventStream(ctx.header("Accept"), path);
            }
        });
        routes.sse(path, client);
        // HEAD says what a GET would get without opening the stream
        routes.head(path, guarded(role, ctx -> ctx.contentType("text/event-stream")));
        return this;
    }

    /**
     * Javalin streams only to a request whose Accept names {@code text/event-stream} and answers any other
     * with an empty 200, which a person trying {@code curl} cannot tell from a stream with nothing to say.
     */
    static void checkAcceptsEventStream(String accept, String path) {
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiException(406, "not acceptable", "GET " + path + " is a stream of Server-Sent Events:"
                    + " send 'Accept: text/event-stream' (curl -N -H 'Accept: text/event-stream' ...)");
        }
    }

    List<Route> registered() {
        return List.copyOf(registered);
    }

    private Handler guarded(Role role, Handler handler) {
        return ctx -> {
            authorise(ctx, role);
            handler.handle(ctx);
        };
    }

    /**
     * Runs before routing, on every request: lets a GET or HEAD of an open route through, and otherwise
     * needs a valid token (401), for unknown paths and wrong methods too.
     */
    void gate(Context ctx) {
        String method = ctx.req().getMethod();
        if ((method.equals("GET") || method.equals("HEAD")) && isOpen(ctx.path())) {
            return;
        }
        authenticate(ctx);
    }

    private boolean isOpen(String path) {
        for (Route r : registered) {
            if (r.role() == null && r.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private Principal authenticate(Context ctx) {
        Principal known = ctx.attribute(PRINCIPAL);
        if (known != null) {
            return known;
        }
        String header = ctx.header("Authorization");
        if (header == null) {
            throw new ApiException(401, "unauthorized", "missing bearer token: send 'Authorization: Bearer <token>'",
                    Map.of("WWW-Authenticate", "Bearer realm=\"smartcloudops\""));
        }
        String client = ctx.req().getRemoteAddr();
        failures.blocked(client).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(429, "too many requests", "too many failed authentications from this address; "
                    + "retry in " + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
        });
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            failures.failed(client);
            throw new ApiException(401, "unauthorized", "missing bearer token: send 'Authorization: Bearer <token>'",
                    Map.of("WWW-Authenticate", "Bearer realm=\"smartcloudops\""));
        }
        Principal p = authenticator.authenticate(header.substring(7).trim()).orElseThrow(() -> {
            failures.failed(client);
            return new ApiException(401, "unauthorized", "invalid token",
                    Map.of("WWW-Authenticate", "Bearer realm=\"smartcloudops\", error=\"invalid_token\""));
        });
        ctx.attribute(PRINCIPAL, p);
        return p;
    }

    private void authorise(Context ctx, Role role) {
        Principal p = authenticate(ctx);
        if (!p.role().covers(role)) {
            throw new ApiException(403, "forbidden", "this needs the " + role.key() + " role; the token has "
                    + p.role().key());
        }
    }

    /** The caller of an authorised route. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("principal asked for on an open route");
        }
        return p;
    }
}
