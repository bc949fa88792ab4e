package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.tools.AuditEntry;
import io.smartcloudops.agent.chat.tools.RemediationSummary;
import io.smartcloudops.agent.chat.tools.ToolOutput;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.Map;

/** The offline answers about what was done: the audit log and the remediations, with who asked and the outcome. */
final class ActionAnswers {

    private final AnswerTimes times;

    ActionAnswers(AnswerTimes times) {
        this.times = times;
    }

    String auditLogs(ToolOutput.AuditDigest d, String rangeLabel, int limit) {
        if (d.records().isEmpty()) {
            return "No audit records " + rangeLabel + "." + (d.note() == null ? "" : " (" + d.note() + ")");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(d.records().size() >= limit ? "The newest " + limit : String.valueOf(d.records().size()))
                .append(" audit record").append(d.records().size() == 1 ? "" : "s").append(' ').append(rangeLabel)
                .append(", newest first:");
        for (AuditEntry e : d.records()) {
            sb.append("\n- ").append(times.timeWithSeconds(e.timestamp())).append(' ')
                    .append(e.action() == null ? withoutAction(e) : withAction(e));
            if (e.detail() != null && !e.detail().isBlank()) {
                sb.append(" — ").append(AnswerWriter.quote(e.detail()));
            }
        }
        return sb.toString();
    }

    /** A remediation's record: {@code finished restart_service nginx on web-1: success (rule cpu-high)}. */
    private static String withAction(AuditEntry e) {
        return (e.event() == null ? "record" : e.event().key()) + ' ' + action(e.action(), e.params())
                + (e.instance() == null ? "" : " on " + e.instance())
                + (e.result() == null ? "" : ": " + e.result().key())
                + " (" + who(e.trigger(), e.rule(), e.actor()) + (e.dryRun() ? ", dry run" : "") + ')';
    }

    /**
     * A record about no action (a silence, an acknowledgement, a verdict, a breaker): what it is, on which host and
     * by whom, e.g. {@code silence created on web-2 by alice}; its result only when it says more than success.
     */
    private static String withoutAction(AuditEntry e) {
        StringBuilder sb = new StringBuilder(e.event() == null ? "record" : e.event().key().replace('_', ' '));
        if (e.instance() != null) {
            sb.append(" on ").append(e.instance());
        }
        if (e.result() != null && e.result() != AuditResult.SUCCESS) {
            sb.append(": ").append(e.result().key().replace('_', ' '));
        }
        if (e.trigger() == Trigger.RULE) {
            sb.append(" (").append(who(e.trigger(), e.rule(), e.actor())).append(')');
        } else if (e.actor() != null) {
            sb.append(" by ").append(e.actor());
        }
        return sb.toString();
    }

    String remediations(ToolOutput.RemediationDigest d, Trigger trigger, String rangeLabel, Instant now) {
        String subject = trigger == null ? "Remediation" : switch (trigger) {
            case RULE -> "Auto-remediation";
            case OPERATOR -> "Operators";
            case CHAT -> "Chat proposals";
        };
        if (d.remediations().isEmpty()) {
            return subject + (trigger == null || trigger == Trigger.RULE ? " did nothing " : ": nothing ") + rangeLabel + "."
                    + (d.note() == null ? "" : " (" + d.note() + ")");
        }
        long succeeded = d.remediations().stream().filter(r -> r.result() == AuditResult.SUCCESS).count();
        StringBuilder sb = new StringBuilder(subject).append(' ').append(rangeLabel).append(": ")
                .append(d.remediations().size()).append(" remediation").append(d.remediations().size() == 1 ? "" : "s")
                .append(succeeded > 0 ? ", " + succeeded + " succeeded" : "").append(" (newest first):");
        for (RemediationSummary r : d.remediations()) {
            sb.append("\n- ").append(times.when(r.requestedAt(), now)).append(' ').append(action(r.action(), r.params()))
                    .append(" on ").append(r.target()).append(" → ").append(outcome(r)).append(" (")
                    .append(who(r.trigger(), r.rule(), r.actor())).append(')');
            if (r.effective() != null) {
                sb.append(r.effective() ? ", verified effective" : ", verified NOT effective");
            }
            sb.append('.');
        }
        return sb.toString();
    }

    private static String outcome(RemediationSummary r) {
        if (r.result() == null) {
            return r.lastEvent() == null ? null : r.lastEvent().key();
        }
        return switch (r.result()) {
            case DRY_RUN -> "dry run (nothing ran)";
            case PENDING -> "waiting for approval";
            default -> r.result().key() + (r.dryRun() ? " (dry run)" : "");
        };
    }

    static String action(ActionType action, Map<String, String> params) {
        return action(action == null ? null : action.key(), params);
    }

    static String action(String action, Map<String, String> params) {
        String unit = params.get("unit");
        return action + (unit == null ? "" : " " + unit);
    }

    private static String who(Trigger trigger, String rule, String actor) {
        if (trigger == Trigger.RULE) {
            return "rule " + (rule == null ? "?" : rule);
        }
        return (trigger == null ? "" : trigger.key() + " ") + (actor == null ? "" : "by " + actor);
    }
}
