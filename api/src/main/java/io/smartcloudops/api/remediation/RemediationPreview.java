package io.smartcloudops.api.remediation;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /remediations/preview}: exactly what a request would do, checked as {@code POST /remediations}
 * checks it, with nothing run and nothing recorded (no remediation, no audit line): what a confirm dialog shows
 * before the operator decides.
 *
 * @param action   {@code restart_service}, {@code scale_up} or {@code notify}
 * @param target   the target as named in the request
 * @param instance the instance it would act on (EC2 instance id when known, else the target)
 * @param params   the action's parameters
 * @param plan     exactly what would run
 * @param dryRun   true when confirming would only record a dry run (remediation disabled, or asked for)
 */
public record RemediationPreview(String action, String target, String instance, Map<String, String> params,
                                 List<PlanStep> plan, boolean dryRun) {

    public RemediationPreview {
        params = params == null ? Map.of() : Map.copyOf(params);
        plan = plan == null ? List.of() : List.copyOf(plan);
    }
}
