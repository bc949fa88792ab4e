package io.smartcloudops.api.remediation;

/**
 * One host of a rolling restart ({@code restart_service} on a group): the hosts run one after another, each as an
 * ordinary remediation, the next only once the last one succeeded and passed verification.
 *
 * @param host          the host, as {@code remediation.groups.NAME.hosts} names it
 * @param remediationId its own remediation (absent while it waits, when it was skipped, or when the guardrails
 *                      refused it before it existed)
 * @param state         its remediation's state ({@link RemediationState} key), or {@code waiting} (its turn has not
 *                      come) or {@code skipped} (it will not run: the rollout stopped, or it cannot be restarted)
 * @param effective     its verification (absent until checked)
 * @param detail        what happened to it, or why it was skipped or refused
 */
public record RolloutStep(String host, String remediationId, String state, Boolean effective, String detail) {

    /** Its turn has not come yet. */
    public static final String WAITING = "waiting";
    /** It will not run. */
    public static final String SKIPPED = "skipped";
}
