package io.smartcloudops.console.chat;

import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.util.List;

/**
 * One entry of the conversation.
 *
 * @param kind     who said it
 * @param text     the words
 * @param backend  which assistant answered ({@code offline}, a model name), empty for questions
 * @param actions  actions the assistant proposed (each still needs an operator's confirmation)
 */
public record ChatMessage(Kind kind, String text, String backend, List<ProposedAction> actions) {

    /** Who said it. */
    public enum Kind { QUESTION, ANSWER, ERROR }

    /**
     * An action the assistant proposed: rendered as a button that goes through the confirm dialog.
     *
     * @param id          the pending approval's id at the agent
     * @param action      the action, e.g. {@link ActionType#RESTART_SERVICE}
     * @param target      the host
     * @param unit        the unit for restart_service (empty otherwise)
     * @param description what it would do, in words
     * @param dryRun      whether approving it records a dry run only
     */
    public record ProposedAction(String id, ActionType action, String target, String unit, String description, boolean dryRun) {

        /** The pending remediation the agent recorded for this proposal, as the confirm dialog shows it. */
        public Remediation asPending() {
            return Remediation.builder(id, action, target, RemediationState.PENDING, Trigger.CHAT, null)
                    .params(unit.isEmpty() ? java.util.Map.of() : java.util.Map.of("unit", unit))
                    .dryRun(dryRun).detail(description).build();
        }
    }

    public static ChatMessage question(String text) {
        return new ChatMessage(Kind.QUESTION, text, "", List.of());
    }

    public static ChatMessage error(String text) {
        return new ChatMessage(Kind.ERROR, text, "", List.of());
    }
}
