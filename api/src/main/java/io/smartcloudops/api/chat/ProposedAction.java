package io.smartcloudops.api.chat;

import java.util.Map;

/**
 * A remediation the assistant proposed. It is a pending approval: nothing runs until an operator approves
 * it ({@code POST /remediations/{id}/approve} with an operator token, or the console's button).
 *
 * @param id      the remediation's id
 * @param action  {@code restart_service}, {@code scale_up} or {@code notify}
 * @param target  the target host
 * @param params  the action's parameters, e.g. {@code unit}
 * @param state   {@code pending} when created
 * @param dryRun  whether it will run as a dry run once approved (remediation disabled or asked for)
 * @param reason  why it was proposed
 * @param detail  what happens on approval, in words
 */
public record ProposedAction(String id, String action, String target, Map<String, String> params, String state,
                             boolean dryRun, String reason, String detail) {

    public ProposedAction {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
