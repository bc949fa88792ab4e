package io.smartcloudops.agent.chat.adapters;

import io.smartcloudops.agent.chat.tools.ActionProposer;
import io.smartcloudops.agent.chat.tools.Proposal;
import io.smartcloudops.agent.chat.tools.ProposalRequest;
import io.smartcloudops.agent.remediate.RemediationException;
import io.smartcloudops.agent.remediate.RemediationService;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.Trigger;
import java.util.List;

/**
 * The chat's one path to action: {@link RemediationService#propose}, which validates exactly like a
 * button press and records a pending approval (trigger {@code chat}, the asking token's name as actor).
 * It never runs anything; an operator approves or rejects.
 */
public final class RemediationProposer implements ActionProposer {

    private final RemediationService remediation;

    public RemediationProposer(RemediationService remediation) {
        this.remediation = remediation;
    }

    @Override
    public Proposal propose(ProposalRequest r, String actor) {
        try {
            Remediation pending = remediation.propose(new RemediationRequest(r.action(), r.target(), r.params(), false, r.reason()),
                    Trigger.CHAT, actor);
            return new Proposal.Pending(action(pending));
        } catch (RemediationException.Invalid e) {
            return new Proposal.Refused(e.field(), strip(e.getMessage(), e.field()));
        } catch (RemediationException.NotFound e) {
            return new Proposal.Refused("target", e.getMessage());
        } catch (RemediationException e) {
            return new Proposal.Refused("remediation", e.getMessage());
        }
    }

    static ProposedAction action(Remediation r) {
        return new ProposedAction(r.id(), r.action().key(), r.target(), r.params(), r.state().key(), r.dryRun(), r.reason(),
                r.detail());
    }

    private static String strip(String message, String field) {
        return message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
    }

    @Override
    public List<String> allowedUnits() {
        return remediation.allowedUnits();
    }

    @Override
    public List<String> groups() {
        return remediation.targets().groupNames();
    }
}
