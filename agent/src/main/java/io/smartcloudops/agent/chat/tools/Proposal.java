package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.chat.ProposedAction;

/** What proposing a remediation led to: a pending approval, or a refusal by the remediation's validation. */
public sealed interface Proposal {

    /** Validated and waiting for an operator; nothing has run. */
    record Pending(ProposedAction action) implements Proposal {
    }

    /** Refused by validation (unknown target, unit not allow-listed, cooldown, ...); nothing was recorded as pending. */
    record Refused(String field, String reason) implements Proposal {
    }
}
