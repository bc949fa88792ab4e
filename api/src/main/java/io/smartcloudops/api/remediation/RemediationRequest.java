package io.smartcloudops.api.remediation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code POST /remediations}: what to do, where, and why. Send an {@code Idempotency-Key} header with it
 * (required unless {@code dry_run}): the same key never runs twice and answers with the first result.
 *
 * @param action  {@code restart_service}, {@code scale_up} or {@code notify}
 * @param target  a target the agent knows (see {@code GET /remediations/options})
 * @param params  per action: {@code unit} for restart_service; {@code message} and optional {@code subject}
 *                for notify; none for scale_up
 * @param dryRun  true to see the plan without running anything (also forced while remediation is disabled)
 * @param reason  why, for the audit log (up to 500 characters)
 */
public record RemediationRequest(String action, String target, Map<String, String> params, boolean dryRun,
                                 String reason) {

    public RemediationRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** For JSON: {@code dry_run} may be left out (false). */
    @JsonCreator
    static RemediationRequest fromJson(@JsonProperty("action") String action, @JsonProperty("target") String target,
                                       @JsonProperty("params") Map<String, String> params,
                                       @JsonProperty("dry_run") Boolean dryRun, @JsonProperty("reason") String reason) {
        return new RemediationRequest(action, target, params, Boolean.TRUE.equals(dryRun), reason);
    }

    /** Restart {@code unit} on {@code target}. */
    public static RemediationRequest restartService(String target, String unit, boolean dryRun, String reason) {
        return new RemediationRequest(ActionType.RESTART_SERVICE.key(), target, Map.of("unit", unit), dryRun, reason);
    }

    /** Raise the desired capacity of {@code target}'s Auto Scaling group by one. */
    public static RemediationRequest scaleUp(String target, boolean dryRun, String reason) {
        return new RemediationRequest(ActionType.SCALE_UP.key(), target, Map.of(), dryRun, reason);
    }

    /** Publish {@code message} about {@code target} to the SNS topic. */
    public static RemediationRequest notify(String target, String subject, String message, boolean dryRun, String reason) {
        return new RemediationRequest(ActionType.NOTIFY.key(), target,
                subject == null ? Map.of("message", message) : Map.of("subject", subject, "message", message),
                dryRun, reason);
    }
}
