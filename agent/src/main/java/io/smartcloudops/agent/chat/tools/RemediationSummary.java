package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One remediation as the audit log tells it: the events of one request id folded into its outcome.
 *
 * @param requestId   the remediation's id
 * @param action      what it did (or would do)
 * @param target      where
 * @param params      e.g. {@code unit}
 * @param trigger     {@code rule} (auto-remediation), {@code operator} or {@code chat}
 * @param rule        the rule that fired
 * @param actor       who asked
 * @param requestedAt its first event
 * @param lastAt      its latest event
 * @param lastEvent   e.g. {@code finished}, {@code verified}, {@code proposed}
 * @param result      the latest result: {@code success}, {@code failure}, {@code dry_run}, {@code refused}, {@code pending}, ...
 * @param dryRun      whether nothing ran for real
 * @param effective   whether verification found the problem gone (null until verified)
 * @param detail      the latest detail (untrusted text)
 */
public record RemediationSummary(String requestId, ActionType action, String target, Map<String, String> params,
                                 Trigger trigger, String rule, String actor, Instant requestedAt, Instant lastAt,
                                 AuditEvent lastEvent, AuditResult result, boolean dryRun, Boolean effective, String detail) {

    public RemediationSummary {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** Folds audit records (newest first) into remediations (newest first); records of no action are left out. */
    public static List<RemediationSummary> fold(List<AuditEntry> newestFirst) {
        Map<String, List<AuditEntry>> byRequest = new LinkedHashMap<>();
        for (AuditEntry e : newestFirst) {
            if (e.action() == null) {
                continue;   // not a remediation: a breaker that opened, an operator's verdict on an anomaly
            }
            String key = e.requestId() == null ? "@" + e.timestamp() + "/" + (e.event() == null ? null : e.event().key()) : e.requestId();
            byRequest.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<RemediationSummary> out = new ArrayList<>();
        for (List<AuditEntry> events : byRequest.values()) {
            AuditEntry newest = events.getFirst();
            AuditEntry oldest = events.getLast();
            // the "verified" event carries effectiveness but the outcome of the run is on "finished"
            AuditEntry outcome = events.stream().filter(e -> e.event() != AuditEvent.VERIFIED).findFirst().orElse(newest);
            Boolean effective = events.stream().map(AuditEntry::effective).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            String rule = events.stream().map(AuditEntry::rule).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            out.add(new RemediationSummary(newest.requestId(), newest.action(), newest.instance(), oldest.params(),
                    oldest.trigger(), rule, oldest.actor(), oldest.timestamp(), newest.timestamp(), outcome.event(),
                    outcome.result(), outcome.dryRun(), effective, outcome.detail()));
        }
        return out;
    }
}
