package io.smartcloudops.api.client;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which audit records {@link AgentClient#logs(LogQuery)} asks for ({@code GET /logs}). Start from
 * {@link #recent()} (the agent's defaults: the last 24 hours, 100 records) or {@link #since(String)} and
 * narrow it down; every filter left out matches everything.
 *
 * @param since    {@code 10m}, ISO-8601 or {@code yyyy-MM-dd HH:mm:ss}; null for 24 hours back
 * @param until    the same forms; null for now
 * @param action   only this action
 * @param instance only this host (or EC2 instance id)
 * @param result   only this result
 * @param event    only this event
 * @param limit    1..10000; null for 100
 */
public record LogQuery(String since, String until, ActionType action, String instance, AuditResult result,
                       AuditEvent event, Integer limit) {

    /** The agent's defaults: the last 24 hours, newest first, at most 100 records. */
    public static LogQuery recent() {
        return new LogQuery(null, null, null, null, null, null, null);
    }

    /** Records since {@code since} ({@code 10m}, ISO-8601 or {@code yyyy-MM-dd HH:mm:ss}). */
    public static LogQuery since(String since) {
        return recent().from(since);
    }

    public LogQuery from(String since) {
        return new LogQuery(since, until, action, instance, result, event, limit);
    }

    public LogQuery until(String until) {
        return new LogQuery(since, until, action, instance, result, event, limit);
    }

    public LogQuery action(ActionType action) {
        return new LogQuery(since, until, action, instance, result, event, limit);
    }

    public LogQuery instance(String instance) {
        return new LogQuery(since, until, action, instance, result, event, limit);
    }

    public LogQuery result(AuditResult result) {
        return new LogQuery(since, until, action, instance, result, event, limit);
    }

    public LogQuery event(AuditEvent event) {
        return new LogQuery(since, until, action, instance, result, event, limit);
    }

    public LogQuery limit(Integer limit) {
        return new LogQuery(since, until, action, instance, result, event, limit);
    }

    /** The query parameters, in wire form; absent filters are null (and left out of the URL). */
    Map<String, String> parameters() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("since", since);
        q.put("until", until);
        q.put("action", action == null ? null : action.key());
        q.put("instance", instance);
        q.put("result", result == null ? null : result.key());
        q.put("event", event == null ? null : event.key());
        q.put("limit", limit == null ? null : limit.toString());
        return q;
    }
}
