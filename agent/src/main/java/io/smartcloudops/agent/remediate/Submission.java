package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.Trigger;
import java.util.Objects;

/**
 * A remediation request with who asked and how it must be handled.
 *
 * @param request          what to do
 * @param trigger          rule, operator or chat
 * @param actor            the token's name, {@code rule:<name>}, or the CLI user
 * @param idempotencyKey   the same key never runs twice (null for none)
 * @param rule             the rule that fired (null otherwise)
 * @param requiresApproval wait for an operator's approval instead of running
 * @param check            re-checks the rule's condition for verification (null otherwise)
 */
public record Submission(RemediationRequest request, Trigger trigger, String actor, String idempotencyKey, String rule,
                         boolean requiresApproval, ConditionCheck check) {

    public Submission {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(actor, "actor");
    }

    /** A button press or API call by an operator. */
    public static Submission byOperator(RemediationRequest request, String actor, String idempotencyKey) {
        return new Submission(request, Trigger.OPERATOR, actor, idempotencyKey, null, false, null);
    }

    /** A proposal (the chat, or anything else that may only suggest): waits for an operator's approval. */
    public static Submission proposal(RemediationRequest request, Trigger trigger, String actor) {
        return new Submission(request, trigger, actor, null, null, true, null);
    }

    /** A rule that fired: verified by re-checking its condition, run at once unless the rule wants approval. */
    public static Submission byRule(RemediationRequest request, String rule, boolean requiresApproval, ConditionCheck check) {
        return new Submission(request, Trigger.RULE, "rule:" + rule, null, rule, requiresApproval, check);
    }

    /** The agent acting on its own behalf (the circuit breaker's notification), as {@code actor}. */
    static Submission automatic(RemediationRequest request, String actor) {
        return new Submission(request, Trigger.RULE, actor, null, null, false, null);
    }
}
