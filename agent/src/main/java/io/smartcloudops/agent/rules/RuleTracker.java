package io.smartcloudops.agent.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One rule on one host: the Prometheus alert state machine. A true condition moves inactive → pending;
 * once it has held for {@code for} the rule is firing; a false condition drops pending back to
 * inactive at once, and resolves firing only after it stayed false for {@code keep_firing_for}. With a
 * recovery condition ({@code clear_when}) a firing rule resolves only once that holds (and then stayed so
 * for {@code keep_firing_for}): between the two thresholds it keeps firing without acting again.
 * Also remembers when the rule last acted here, for its cooldown and hourly limit.
 */
final class RuleTracker {

    /** What one evaluation did. */
    enum Change { NONE, PENDING, FIRED, RESOLVED, CLEARED }

    private final Duration forDuration;
    private final Duration keepFiringFor;
    RuleState state = RuleState.INACTIVE;
    Instant activeAt;
    Instant lastTrueAt;
    Instant firedAt;
    Instant resolvedAt;
    Instant lastActionAt;
    Instant retryAt;
    boolean gaveUp;
    String lastError;
    String lastRemediation;
    final Deque<Instant> actions = new ArrayDeque<>();
    /** scale_up remediations of this rule not yet undone ({@code scale_in_after}). */
    final java.util.List<String> scaleUps = new java.util.ArrayList<>();
    /** When the rule, resolved, returns its group to the earlier capacity (null: nothing due). */
    Instant scaleInDue;

    RuleTracker(Duration forDuration, Duration keepFiringFor) {
        this.forDuration = forDuration;
        this.keepFiringFor = keepFiringFor;
    }

    Change evaluate(boolean holds, Instant now) {
        return evaluate(holds, !holds, now);
    }

    /** @param cleared the recovery condition holds ({@code !holds} for a rule without {@code clear_when}) */
    Change evaluate(boolean holds, boolean cleared, Instant now) {
        if (!holds && !cleared && state == RuleState.FIRING) {
            lastTrueAt = now;  // not recovered yet: keep_firing_for counts from the recovery
            return Change.NONE;
        }
        if (holds) {
            lastTrueAt = now;
            Change change = Change.NONE;
            if (state == RuleState.INACTIVE) {
                state = RuleState.PENDING;
                activeAt = now;
                change = Change.PENDING;
            }
            if (state == RuleState.PENDING && !now.isBefore(activeAt.plus(forDuration))) {
                state = RuleState.FIRING;
                firedAt = now;
                gaveUp = false;
                return Change.FIRED;
            }
            return change;
        }
        switch (state) {
            case PENDING -> {
                state = RuleState.INACTIVE;
                activeAt = null;
                return Change.CLEARED;
            }
            case FIRING -> {
                if (now.isBefore(lastTrueAt.plus(keepFiringFor))) {
                    return Change.NONE;
                }
                state = RuleState.INACTIVE;
                activeAt = null;
                resolvedAt = now;
                return Change.RESOLVED;
            }
            default -> {
                return Change.NONE;
            }
        }
    }

    /** Whether the rule may act now: firing on a true condition, out of its cooldown and hourly limit. */
    boolean mayAct(boolean holds, Instant now, Duration cooldown, int maxPerHour) {
        if (state != RuleState.FIRING || !holds || gaveUp) {
            return false;
        }
        if (retryAt != null && now.isBefore(retryAt)) {
            return false;
        }
        if (lastActionAt != null && now.isBefore(lastActionAt.plus(cooldown))) {
            return false;
        }
        while (!actions.isEmpty() && actions.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
            actions.pollFirst();
        }
        return actions.size() < maxPerHour;
    }

    void acted(Instant now, String remediationId) {
        lastActionAt = now;
        actions.addLast(now);
        retryAt = null;
        lastError = null;
        lastRemediation = remediationId;
    }
}
