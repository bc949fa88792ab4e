package io.smartcloudops.agent.chat.tools;

import java.util.Map;

/**
 * A remediation the chat wants an operator to approve.
 *
 * @param action {@code restart_service}, {@code scale_up} or {@code notify}
 * @param target the target host
 * @param params the action's parameters ({@code unit}; {@code message})
 * @param reason why, for the audit log
 */
public record ProposalRequest(String action, String target, Map<String, String> params, String reason) {

    public ProposalRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
