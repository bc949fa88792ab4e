package io.smartcloudops.console.remediation;

import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.console.connection.AgentConnection;

/**
 * Feeds a {@link RemediationViewModel} from an {@link AgentConnection}: whether the agent offers
 * {@code /remediations}, the token's role, the SSE {@code action} events, and a reload after every reconnect.
 */
public final class RemediationFeed {

    private final AgentConnection connection;
    private final RemediationViewModel vm;

    public RemediationFeed(AgentConnection connection, RemediationViewModel vm) {
        this.connection = connection;
        this.vm = vm;
    }

    /** Wires everything; call on the UI thread before {@link AgentConnection#start}. */
    public void attach() {
        connection.offeredPathsProperty().addListener((o, a, p) -> vm.setOffered(p.contains("/remediations")));
        connection.whoamiProperty().addListener((o, a, w) -> vm.setWhoAmI(w));
        connection.on(EventTypes.ACTION, Remediation.class, vm::applyEvent);
        connection.onReconnected(vm::refresh);
    }
}
