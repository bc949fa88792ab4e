package io.smartcloudops.console.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the Remediation screen works with, built from the agent's {@code /remediations} records
 * ({@link RemediationMapping}): options with targets and cooldowns, remediations, requests.
 */
public final class RemediationModels {

    private RemediationModels() {
    }

    /** The action keys the agent knows. */
    public static final String RESTART_SERVICE = "restart_service";
    public static final String SCALE_UP = "scale_up";
    /** The state of an {@link Item} that is only a preview (the agent recorded nothing). */
    public static final String PREVIEW = "preview";

    /**
     * {@code GET /remediations/options}.
     *
     * @param enabled          false: every request runs as a dry run
     * @param executor         where restart_service runs ({@code local} or {@code aws})
     * @param units            allow-listed units
     * @param targets          targets with their actions and cooldowns
     * @param pendingApprovals remediations waiting for an operator
     */
    public record Options(boolean enabled, String executor, List<String> units, List<Target> targets, int pendingApprovals) {
    }

    /**
     * A target and what can be done to it now.
     *
     * @param name         host name
     * @param instanceId   EC2 instance id (empty when unknown)
     * @param group        Auto Scaling group (empty when none)
     * @param actions      action keys possible on it
     * @param cooldowns    actions cooling down
     * @param runsLastHour actions run on it in the last hour
     * @param breakerOpen  whether the circuit breaker stopped automatic actions
     */
    public record Target(String name, String instanceId, String group, Set<String> actions, List<Cooldown> cooldowns,
                         int runsLastHour, boolean breakerOpen) {
    }

    /**
     * An action on a target that may not run again before {@code until}.
     *
     * @param action action key
     * @param unit   the unit for restart_service (empty otherwise)
     * @param until  when it may run again
     */
    public record Cooldown(String action, String unit, Instant until) {
    }

    /**
     * One remediation (a dry-run preview, a run, or a pending approval).
     *
     * @param id        identifier
     * @param action    action key
     * @param target    target name
     * @param unit      unit for restart_service (empty otherwise)
     * @param state     pending, running, succeeded, failed, refused, planned, rejected, expired
     * @param result    success, failure, refused, dry_run (empty before it finished)
     * @param dryRun    whether nothing ran (or will run) for real
     * @param plan      exactly what runs: one line per step
     * @param detail    the outcome in words
     * @param trigger    rule, operator or chat
     * @param actor      who asked
     * @param approvedBy who approved it (empty unless a pending remediation was approved)
     * @param createdAt  when it was asked for
     */
    public record Item(String id, String action, String target, String unit, String state, String result, boolean dryRun,
                       List<String> plan, String detail, String trigger, String actor, String approvedBy, Instant createdAt) {

        public boolean pending() {
            return "pending".equals(state);
        }

        /** A preview: the plan of a request that was neither run nor recorded. */
        public boolean preview() {
            return PREVIEW.equals(state);
        }

        /** The state in words that tell a dry run from a run: "dry run (nothing ran)", "succeeded", "pending approval". */
        public String stateText() {
            if (pending()) {
                return "pending approval" + (dryRun ? " (dry run)" : "");
            }
            if (dryRun && ("planned".equals(state) || "succeeded".equals(state))) {
                return "dry run (nothing ran)";
            }
            return state + (dryRun ? " (dry run)" : "");
        }

        /** Who asked and who approved: "operator alice", "chat local-operator, approved by alice". */
        public String byText() {
            String who = actor.replaceFirst("^rule:", "");
            String asked = who.isEmpty() || who.equals(trigger) ? trigger : trigger + " " + who;
            return asked + (approvedBy.isEmpty() ? "" : ", approved by " + approvedBy);
        }

        public boolean succeeded() {
            return "succeeded".equals(state) || "planned".equals(state);
        }
    }

    /**
     * What a button asks for.
     *
     * @param action action key
     * @param target target name
     * @param unit   unit (restart_service), else empty
     * @param reason why, for the audit log
     */
    public record Request(String action, String target, String unit, String reason) {
    }
}
