package io.smartcloudops.console.logs;

import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.client.LogQuery;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.console.connection.AgentConnection;

/**
 * Feeds a {@link LogsViewModel} from an {@link AgentConnection}: {@code GET /logs} for its queries, whether
 * the agent offers it, and a reload on every remediation event and reconnect.
 */
public final class LogsFeed {

    private LogsFeed() {
    }

    /** The view-model, wired to {@code connection}; call on the UI thread before {@link AgentConnection#start}. */
    public static LogsViewModel attach(AgentConnection connection) {
        LogsViewModel vm = new LogsViewModel((q, ok, err) -> connection.call(c -> c.logs(LogQuery.since(q.get("since"))
                .action(ActionType.fromKey(q.get("action")).orElse(null)).instance(q.get("instance"))
                .result(AuditResult.fromKey(q.get("result")).orElse(null)).limit(Integer.valueOf(q.get("limit")))), ok, err));
        connection.offeredPathsProperty().addListener((o, a, p) -> vm.offeredProperty().set(p.contains("/logs")));
        connection.on(EventTypes.ACTION, Remediation.class, r -> vm.reload());
        connection.onReconnected(vm::reload);
        return vm;
    }
}
