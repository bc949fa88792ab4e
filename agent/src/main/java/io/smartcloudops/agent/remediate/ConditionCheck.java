package io.smartcloudops.agent.remediate;

import java.util.Optional;

/**
 * Re-checks what made a rule act, for verification: whether the rule's condition still holds on the
 * target now. Empty when there is nothing fresh to judge by.
 */
@FunctionalInterface
public interface ConditionCheck {

    Optional<Boolean> stillHolds();

    /** What is checked, e.g. {@code cpu > 90}. */
    default String describe() {
        return "the rule's condition";
    }
}
