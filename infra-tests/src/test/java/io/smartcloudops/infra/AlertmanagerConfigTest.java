package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** monitoring/alertmanager: accepted by Alertmanager's own amtool, and it sends to the agent the way the agent expects. */
class AlertmanagerConfigTest {

    private static final String CONFIG = "monitoring/alertmanager/alertmanager.yml";

    @TempDir
    Path dir;

    @Test
    void amtoolAcceptsTheConfiguration() throws Exception {
        Path amtool = Tools.require("amtool", "Debian package prometheus-alertmanager");
        // amtool reads the token file the configuration names: check a copy that points at a file that exists
        Path token = Files.writeString(dir.resolve("token"), "webhook-token-0123456789\n");
        Path copy = Files.writeString(dir.resolve("alertmanager.yml"), Repo.read(CONFIG)
                .replace("/etc/alertmanager/smartcloudops-webhook-token", token.toString()));
        Exec.Result r = Exec.run(dir, Duration.ofSeconds(60), List.of(amtool.toString(), "check-config", copy.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertGoesToTheAgentsWebhookWithItsTokenAndResolvesToo() {
        JsonNode config = Yaml.file(CONFIG);
        String receiver = config.path("route").path("receiver").asText();
        JsonNode hooks = null;
        for (JsonNode r : config.path("receivers")) {
            if (r.path("name").asText().equals(receiver)) {
                hooks = r.path("webhook_configs");
            }
        }
        assertThat(hooks).as("the default route's receiver").isNotNull().hasSize(1);
        JsonNode hook = hooks.get(0);
        assertThat(URI.create(hook.path("url").asText()).getPath()).isEqualTo("/webhooks/alertmanager");
        assertThat(hook.path("send_resolved").asBoolean()).isTrue();
        assertThat(hook.path("max_alerts").asInt()).isBetween(1, 50);
        JsonNode auth = hook.path("http_config").path("authorization");
        assertThat(auth.path("type").asText()).isEqualTo("Bearer");
        assertThat(auth.path("credentials_file").asText()).as("the token is never written into the file").isNotBlank();
        assertThat(auth.has("credentials")).isFalse();
    }
}
