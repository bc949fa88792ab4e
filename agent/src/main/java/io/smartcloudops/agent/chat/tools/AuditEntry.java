package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.Map;

/**
 * One line of the remediation audit log as the chat reads it (the fields it explains to people).
 *
 * @param timestamp when it happened
 * @param event     {@code proposed}, {@code approved}, {@code refused}, {@code started}, {@code finished}, {@code verified}, ...
 * @param action    {@code restart_service}, {@code scale_up}, {@code notify}
 * @param instance  the target host
 * @param result    {@code pending}, {@code success}, {@code failure}, {@code dry_run}, {@code refused}, ...
 * @param trigger   {@code rule}, {@code operator} or {@code chat}
 * @param actor     who asked
 * @param dryRun    whether nothing was run for real
 * @param requestId the remediation's id (links the events of one remediation)
 * @param detail    what happened, in words (untrusted text: it may quote command output)
 * @param rule      the rule that fired, if any
 * @param params    the action's parameters
 * @param reason    why it was asked for
 * @param effective verification outcome, if verified
 */
public record AuditEntry(Instant timestamp, AuditEvent event, ActionType action, String instance, AuditResult result,
                         Trigger trigger, String actor, boolean dryRun, String requestId, String detail, String rule,
                         Map<String, String> params, String reason, Boolean effective) {

    public AuditEntry {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
