package io.smartcloudops.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/api/openapi.yaml documents exactly the routes the server registers, with their roles. */
class OpenApiConsistencyTest {

    @TempDir
    Path dir;

    @Test
    void specAndServerAgree() throws Exception {
        JsonNode spec = new YAMLMapper().readTree(Path.of("../docs/api/openapi.yaml").toFile());
        Set<String> documented = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "local"))) {
            Set<String> served = new TreeSet<>();
            for (ApiRoutes.Route r : agent.server().routes()) {
                served.add(r.method() + " " + r.path());
                JsonNode op = spec.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
                if (r.role() == null) {
                    assertThat(op.path("security").isArray() && op.path("security").isEmpty())
                            .as(r.method() + " " + r.path() + " is open: the spec must say security: []").isTrue();
                } else {
                    assertThat(op.path("x-role").asText()).as(r.method() + " " + r.path() + " role").isEqualTo(r.role().key());
                }
            }
            assertThat(documented).as("documented routes = served routes").isEqualTo(served);
        }
    }
}
