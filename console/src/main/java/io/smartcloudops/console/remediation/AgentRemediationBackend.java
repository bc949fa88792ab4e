package io.smartcloudops.console.remediation;

import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.console.connection.AgentConnection;
import io.smartcloudops.console.remediation.RemediationModels.Item;
import io.smartcloudops.console.remediation.RemediationModels.Options;
import io.smartcloudops.console.remediation.RemediationModels.Request;
import java.util.List;
import java.util.function.Consumer;

/** {@link RemediationViewModel.Backend} over {@code AgentClient}'s {@code /remediations} calls. */
public final class AgentRemediationBackend implements RemediationViewModel.Backend {

    private final AgentConnection connection;

    public AgentRemediationBackend(AgentConnection connection) {
        this.connection = connection;
    }

    @Override
    public void options(Consumer<Options> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationMapping.options(c.remediationOptions()), ok, error);
    }

    @Override
    public void preview(Request request, Consumer<Item> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationMapping.item(c.remediate(RemediationMapping.request(request, true), null)), ok, error);
    }

    @Override
    public void run(Request request, String idempotencyKey, Consumer<Item> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationMapping.item(c.remediate(RemediationMapping.request(request, false), idempotencyKey)),
                ok, error);
    }

    @Override
    public void recent(Consumer<List<Item>> ok, Consumer<AgentApiException> error) {
        connection.call(c -> c.remediations(null, RemediationViewModel.MAX_RECENT).remediations().stream().map(RemediationMapping::item).toList(), ok, error);
    }

    @Override
    public void decide(String id, boolean approve, Consumer<Item> ok, Consumer<AgentApiException> error) {
        connection.call(c -> RemediationMapping.item(approve ? c.approve(id, "approved in the console")
                : c.reject(id, "rejected in the console")), ok, error);
    }
}
