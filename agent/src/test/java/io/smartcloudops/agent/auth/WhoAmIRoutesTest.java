package io.smartcloudops.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.auth.WhoAmI;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /whoami} tells a client its token's role, and the console learns the offered routes. */
class WhoAmIRoutesTest {

    @TempDir
    Path dir;

    @Test
    void answersTheRoleOfEachTokenAndRefusesNone() throws Exception {
        String csv = Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath().toString();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csv + "?speed=1000000"));
             AgentClient viewer = TestAgents.viewer(agent);
             AgentClient operator = TestAgents.operator(agent);
             AgentClient anonymous = AgentClient.create(agent.baseUrl(), null)) {
            assertThat(viewer.whoami()).isEqualTo(new WhoAmI("viewer", "viewer"));
            assertThat(operator.whoami().isOperator()).isTrue();
            assertThatThrownBy(anonymous::whoami).isInstanceOfSatisfying(AgentApiException.class,
                    e -> assertThat(e.status()).isEqualTo(401));
            assertThat(viewer.offeredPaths()).contains("/status", "/series", "/events", "/whoami", "/healthz");
        }
    }
}
