package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;

/**
 * Which audit records to read; null filters match everything.
 *
 * @param since   inclusive
 * @param until   exclusive; null = now
 * @param action  e.g. {@code restart_service}
 * @param host    the record's instance
 * @param trigger {@code rule}, {@code operator} or {@code chat}
 * @param result  e.g. {@code success}
 * @param limit   at most this many, newest first
 */
public record AuditQuery(Instant since, Instant until, ActionType action, String host, Trigger trigger,
                         AuditResult result, int limit) {

    public boolean matches(AuditEntry e) {
        return !e.timestamp().isBefore(since)
                && (until == null || e.timestamp().isBefore(until))
                && (action == null || action == e.action())
                && (host == null || host.equals(e.instance()))
                && (trigger == null || trigger == e.trigger())
                && (result == null || result == e.result());
    }
}
