package io.smartcloudops.agent.chat.tools;

import java.util.List;

/**
 * The chat's only path to action: it proposes, validated exactly like a button press, and the result is a
 * pending approval an operator must approve. Implementations never execute anything.
 */
public interface ActionProposer {

    /** Validates and records a pending approval, or refuses without recording one. */
    Proposal propose(ProposalRequest request, String actor);

    /** Service units {@code restart_service} accepts, for help texts. */
    List<String> allowedUnits();

    /** Tiers ({@code remediation.groups}) a proposal may name instead of a host: "scale up the app tier". */
    default List<String> groups() {
        return List.of();
    }

    static ActionProposer unavailable(String why) {
        return new ActionProposer() {
            @Override
            public Proposal propose(ProposalRequest request, String actor) {
                return new Proposal.Refused("action", why);
            }

            @Override
            public List<String> allowedUnits() {
                return List.of();
            }
        };
    }
}
