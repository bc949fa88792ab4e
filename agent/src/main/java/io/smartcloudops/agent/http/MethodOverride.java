package io.smartcloudops.agent.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * Refuses the headers some frameworks read as "the real method" ({@code X-HTTP-Method-Override},
 * {@code X-HTTP-Method}, {@code X-Method-Override}). Javalin's {@code Context.method()} honours the first, so a
 * GET that a proxy lets through could be routed as a POST. A request means the method of its request line:
 * one carrying any of these headers is a 400 naming it, before authentication and routing.
 */
final class MethodOverride {

    static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private MethodOverride() {
    }

    static void refuse(Context ctx) {
        for (String name : HEADERS) {
            if (ctx.req().getHeader(name) != null) {
                throw new ApiException(400, "bad request", name + ": method override headers are not accepted; "
                        + "send the request with its real method");
            }
        }
    }
}
