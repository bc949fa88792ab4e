package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.RolloutStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts of a rolling restart in order, and what became of each: its own remediation, a refusal by the
 * guardrails, or why it was skipped. Not thread-safe: used under the {@link RemediationService}'s lock.
 */
final class RolloutSteps {

    /** One host: {@code target} is null when it cannot be restarted (then {@code skipped} says why). */
    static final class Step {
        private final String host;
        private final Target target;
        private RemediationEntry remediation;
        private String refused;
        private String skipped;

        Step(String host, Target target, String skipped) {
            this.host = host;
            this.target = target;
            this.skipped = skipped;
        }

        String host() {
            return host;
        }

        Target target() {
            return target;
        }

        /** Why it will not run, or null. */
        String skipped() {
            return skipped;
        }

        void ran(RemediationEntry e) {
            remediation = e;
        }

        void refused(String why) {
            refused = why;
        }

        private boolean open() {
            return target != null && remediation == null && refused == null && skipped == null;
        }

        private RolloutStep view() {
            if (remediation != null) {
                return new RolloutStep(host, remediation.id(), remediation.state().key(), remediation.effective(),
                        remediation.detail());
            }
            if (refused != null) {
                return new RolloutStep(host, null, "refused", null, refused);
            }
            if (skipped != null) {
                return new RolloutStep(host, null, RolloutStep.SKIPPED, null, skipped);
            }
            return new RolloutStep(host, null, RolloutStep.WAITING, null, null);
        }
    }

    private final List<Step> steps;

    RolloutSteps(List<Step> steps) {
        this.steps = new ArrayList<>(steps);
    }

    List<Step> all() {
        return steps;
    }

    /** The hosts that can be restarted, in order. */
    List<Target> runnable() {
        return steps.stream().map(Step::target).filter(t -> t != null).toList();
    }

    /** The next host whose turn has not come yet. */
    Optional<Step> next() {
        return steps.stream().filter(Step::open).findFirst();
    }

    Optional<Step> step(String host) {
        return steps.stream().filter(s -> s.host.equals(host)).findFirst();
    }

    /** A host not (or no longer) in the group's list that the log shows as part of this rollout. */
    Step add(String host, Target target) {
        Step s = new Step(host, target, null);
        steps.add(s);
        return s;
    }

    /** Every host whose turn has not come will not run, for {@code why}. */
    void skipRest(String why) {
        steps.stream().filter(Step::open).forEach(s -> s.skipped = why);
    }

    List<RolloutStep> view() {
        return steps.stream().map(Step::view).toList();
    }
}
