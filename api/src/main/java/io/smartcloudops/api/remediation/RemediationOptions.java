package io.smartcloudops.api.remediation;

import java.util.List;

/**
 * {@code GET /remediations/options}: what the console needs to draw its buttons.
 *
 * @param enabled                  false while remediation is disabled: every request then runs as a dry run
 * @param executor                 where restart_service runs: {@code local} (this machine) or {@code aws} (SSM)
 * @param units                    the allow-listed units restart_service accepts
 * @param targets                  the targets, each with its cooldowns and breaker
 * @param maxPerHour               actions allowed per target in any hour
 * @param idempotencyKeyRequired   whether non-dry-run requests need an {@code Idempotency-Key}
 * @param pendingApprovals         remediations waiting for an operator
 */
public record RemediationOptions(boolean enabled, String executor, List<String> units, List<TargetOptions> targets,
                                 int maxPerHour, boolean idempotencyKeyRequired, int pendingApprovals) {

    public RemediationOptions {
        units = List.copyOf(units);
        targets = List.copyOf(targets);
    }
}
