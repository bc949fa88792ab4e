package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.auth.TokenAuthenticator;
import io.smartcloudops.agent.config.ServerConfig;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Roles on a real server: a viewer reads, only an operator reaches operator routes (403 otherwise). */
class AuthorizationTest {

    private static final String VIEWER = "viewer-secret-0123456789";
    private static final String OPERATOR = "operator-secret-0123456789";

    /** A body with no fields. */
    record Nothing() {
    }

    @Test
    void viewerGets403OnOperatorRoutesAndTheActorIsTheTokenName() {
        TokenAuthenticator auth = TokenAuthenticator.builder()
                .token("grafana", Role.VIEWER, VIEWER)
                .digest("alice", Role.OPERATOR, TokenAuthenticator.sha256Hex(OPERATOR))
                .build();
        RouteGroup routes = api -> {
            api.get("/read", Role.VIEWER, ctx -> ctx.json(Map.of("actor", ApiRoutes.principal(ctx).name())));
            api.post("/act", Role.OPERATOR, JsonBody.optional(Nothing.class, Nothing::new),
                    (ctx, body) -> ctx.json(Map.of("actor", ApiRoutes.principal(ctx).name())));
        };
        ServerConfig cfg = new ServerConfig("127.0.0.1:0", false, 65_536, List.of());
        try (AgentServer server = new AgentServer(cfg, auth, List.of(routes)).start();
             AgentClient viewer = AgentClient.create(server.baseUrl(), VIEWER);
             AgentClient operator = AgentClient.create(server.baseUrl(), OPERATOR)) {
            assertThat(viewer.get("/read", Map.of(), Map.class)).containsEntry("actor", "grafana");
            assertThatThrownBy(() -> viewer.post("/act", Map.of(), Map.of(), Map.class))
                    .isInstanceOfSatisfying(AgentApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.error().error()).isEqualTo("forbidden");
                        assertThat(e.error().detail()).contains("operator role");
                    });
            assertThat(operator.post("/act", Map.of(), Map.of(), Map.class)).containsEntry("actor", "alice");
            assertThat(operator.get("/read", Map.of(), Map.class)).as("operator covers viewer").containsEntry("actor", "alice");
            assertThat(server.routes()).extracting(r -> r.method() + " " + r.path() + " " + r.role()).contains("POST /act OPERATOR");
        }
    }

    @Test
    void onlyDigestsAreKeptAndComparisonIsByDigest() {
        TokenAuthenticator auth = TokenAuthenticator.builder().token("a", Role.VIEWER, VIEWER).build();
        assertThat(auth.authenticate(VIEWER)).isPresent();
        assertThat(auth.authenticate(VIEWER + "x")).isEmpty();
        assertThat(auth.authenticate(VIEWER.substring(1))).isEmpty();
        assertThat(auth.authenticate("")).isEmpty();
        assertThat(auth.authenticate(null)).isEmpty();
    }
}
