package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.chat.tools.ActionProposer;
import io.smartcloudops.agent.chat.tools.Proposal;
import io.smartcloudops.agent.chat.tools.ProposalRequest;
import io.smartcloudops.api.chat.ProposedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test stand-in for the remediation service's propose(): validates like a button press (known action,
 * known target, allow-listed unit) and records a pending approval; it has no way to run anything.
 */
public final class ValidatingProposer implements ActionProposer {

    private final Set<String> targets;
    private final List<String> units;
    private final List<ProposalRequest> calls = new ArrayList<>();
    private final List<ProposedAction> pending = new ArrayList<>();

    public ValidatingProposer(Set<String> targets, List<String> units) {
        this.targets = targets;
        this.units = units;
    }

    @Override
    public synchronized Proposal propose(ProposalRequest r, String actor) {
        calls.add(r);
        if (!Set.of("restart_service", "scale_up", "notify").contains(r.action())) {
            return new Proposal.Refused("action", "unknown action '" + r.action() + "'");
        }
        if (!targets.contains(r.target())) {
            return new Proposal.Refused("target", "unknown target '" + r.target() + "' (known: " + String.join(", ", targets.stream().sorted().toList()) + ")");
        }
        if (r.action().equals("restart_service") && !units.contains(r.params().get("unit"))) {
            return new Proposal.Refused("params.unit", "'" + r.params().get("unit") + "' is not allow-listed (allowed: "
                    + String.join(", ", units) + ")");
        }
        ProposedAction a = new ProposedAction("rem-" + (pending.size() + 1), r.action(), r.target(), r.params(), "pending",
                false, r.reason(), "waiting for an operator's approval");
        pending.add(a);
        return new Proposal.Pending(a);
    }

    @Override
    public List<String> allowedUnits() {
        return units;
    }

    public synchronized List<ProposalRequest> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<ProposedAction> pending() {
        return List.copyOf(pending);
    }
}
