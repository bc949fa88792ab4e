package io.smartcloudops.agent.remediate;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import java.util.function.IntSupplier;

/**
 * {@code smartcloudops_remediations_total{action,result}} (result: success, failure, refused, dry_run),
 * {@code smartcloudops_remediations_pending}, {@code smartcloudops_remediation_breakers_open} and
 * {@code smartcloudops_audit_write_errors_total}.
 */
final class RemediationMetrics {

    /** The results a remediation ends with, each a label value from the start. */
    private static final AuditResult[] ENDINGS = {AuditResult.SUCCESS, AuditResult.FAILURE, AuditResult.REFUSED,
            AuditResult.DRY_RUN};

    private final Counter remediations;
    private final Counter auditErrors;

    RemediationMetrics(PrometheusRegistry registry, IntSupplier pending, IntSupplier breakersOpen) {
        remediations = Counter.builder().name("smartcloudops_remediations_total")
                .help("Remediation actions that ended, by action and result (success, failure, refused, dry_run)")
                .labelNames("action", "result").register(registry);
        for (ActionType a : ActionType.values()) {
            for (AuditResult r : ENDINGS) {
                remediations.labelValues(a.key(), r.key());
            }
        }
        auditErrors = Counter.builder().name("smartcloudops_audit_write_errors_total")
                .help("Audit records that could not be written (the action they were about did not run)")
                .register(registry);
        GaugeWithCallback.builder().name("smartcloudops_remediations_pending")
                .help("Remediations waiting for an operator's approval")
                .callback(cb -> cb.call(pending.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("smartcloudops_remediation_breakers_open")
                .help("Targets whose circuit breaker stopped automatic actions")
                .callback(cb -> cb.call(breakersOpen.getAsInt())).register(registry);
    }

    void ended(ActionType action, AuditResult result) {
        remediations.labelValues(action.key(), result.key()).inc();
    }

    void auditError() {
        auditErrors.inc();
    }
}
