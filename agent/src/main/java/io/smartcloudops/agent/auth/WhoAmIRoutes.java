package io.smartcloudops.agent.auth;

import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.api.auth.WhoAmI;
import java.time.Clock;

/** {@code GET /whoami}: lets the console disable state-changing buttons for a viewer token up front. */
public final class WhoAmIRoutes implements RouteGroup {

    private final Clock clock;

    public WhoAmIRoutes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/whoami", Role.VIEWER, ctx -> {
            RequestParams.of(ctx, clock);
            Principal p = ApiRoutes.principal(ctx);
            ctx.json(new WhoAmI(p.name(), p.role().key()));
        });
    }
}
