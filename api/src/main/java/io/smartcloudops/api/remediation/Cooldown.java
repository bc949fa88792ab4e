package io.smartcloudops.api.remediation;

import java.time.Instant;

/**
 * An action on a target that may not run again yet.
 *
 * @param action           the action
 * @param unit             the unit (restart_service only)
 * @param until            when it may run again
 * @param remainingSeconds seconds until then
 */
public record Cooldown(ActionType action, String unit, Instant until, long remainingSeconds) {
}
