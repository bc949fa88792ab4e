package io.smartcloudops.console.remediation;

import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationPreview;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.console.connection.AgentConnection;
import java.util.List;
import java.util.function.Consumer;

/** {@link RemediationViewModel.Backend} over {@code AgentClient}'s {@code /remediations} calls. */
public final class AgentRemediationBackend implements RemediationViewModel.Backend {

    private final AgentConnection connection;

    public AgentRemediationBackend(AgentConnection connection) {
        this.connection = connection;
    }

    @Override
    public void options(Consumer<RemediationOptions> ok, Consumer<AgentApiException> error) {
        connection.call(c -> c.remediationOptions(), ok, error);
    }

    @Override
    public void preview(RemediationRequest request, Consumer<RemediationPreview> ok, Consumer<AgentApiException> error) {
        // nothing run, nothing recorded: a cancelled dialog leaves no "planned" row nor audit line behind; asked as
        // Confirm would send it, so the preview says whether it would run or be a dry run
        connection.call(c -> c.previewRemediation(request), ok, error);
    }

    @Override
    public void run(RemediationRequest request, String idempotencyKey, Consumer<Remediation> ok,
                    Consumer<AgentApiException> error) {
        connection.call(c -> c.remediate(request, idempotencyKey), ok, error);
    }

    @Override
    public void recent(Consumer<List<Remediation>> ok, Consumer<AgentApiException> error) {
        connection.call(c -> c.remediations(null, RemediationViewModel.MAX_RECENT).remediations(), ok, error);
    }

    @Override
    public void decide(String id, boolean approve, Consumer<Remediation> ok, Consumer<AgentApiException> error) {
        connection.call(c -> approve ? c.approve(id, "approved in the console") : c.reject(id, "rejected in the console"),
                ok, error);
    }
}
