package io.smartcloudops.console.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.console.connection.AgentConnection;
import io.smartcloudops.console.remediation.RemediationModels.Item;
import io.smartcloudops.console.remediation.RemediationModels.Options;
import io.smartcloudops.console.remediation.RemediationModels.Request;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@link RemediationViewModel.Backend} over the agent's REST API ({@code /remediations...}). */
public final class AgentRemediationBackend implements RemediationViewModel.Backend {

    private final AgentConnection connection;

    public AgentRemediationBackend(AgentConnection connection) {
        this.connection = connection;
    }

    @Override
    public void options(Consumer<Options> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationJson.options(c.get("/remediations/options", Map.of(), JsonNode.class)), ok, error);
    }

    @Override
    public void preview(Request request, Consumer<Item> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationJson.item(c.post("/remediations", RemediationJson.body(request, true), Map.of(),
                JsonNode.class)), ok, error);
    }

    @Override
    public void run(Request request, String idempotencyKey, Consumer<Item> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationJson.item(c.post("/remediations", RemediationJson.body(request, false),
                Map.of("Idempotency-Key", idempotencyKey), JsonNode.class)), ok, error);
    }

    @Override
    public void recent(Consumer<List<Item>> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationJson.items(c.get("/remediations", Map.of("limit", "50"), JsonNode.class)), ok, error);
    }

    @Override
    public void decide(String id, boolean approve, Consumer<Item> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationJson.item(c.post("/remediations/" + id + (approve ? "/approve" : "/reject"),
                Map.of("reason", (approve ? "approved" : "rejected") + " in the console"), Map.of(), JsonNode.class)), ok, error);
    }
}
