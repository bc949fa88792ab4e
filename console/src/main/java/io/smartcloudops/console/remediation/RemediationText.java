package io.smartcloudops.console.remediation;

import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.Trigger;
import java.util.List;

/** The words the remediation screens use for the api's remediation records, so every screen says the same. */
public final class RemediationText {

    private RemediationText() {
    }

    /** "scale up on web-1", "restart service nginx on web-1". */
    public static String what(ActionType action, String unit, String target) {
        return action.key().replace('_', ' ') + (unit == null || unit.isEmpty() ? "" : " " + unit) + " on " + target;
    }

    public static String what(RemediationRequest r) {
        return what(ActionType.fromKey(r.action()).orElseThrow(), unit(r.params().get("unit")), r.target());
    }

    public static String what(Remediation r) {
        return what(r.action(), unit(r.params().get("unit")), r.target());
    }

    private static String unit(String u) {
        return u == null ? "" : u;
    }

    /** The state in words that tell a dry run from a run: "dry run (nothing ran)", "succeeded", "pending approval". */
    public static String state(Remediation r) {
        if (r.state() == RemediationState.PENDING) {
            return "pending approval" + (r.dryRun() ? " (dry run)" : "");
        }
        if (r.dryRun() && (r.state() == RemediationState.PLANNED || r.state() == RemediationState.SUCCEEDED)) {
            return "dry run (nothing ran)";
        }
        return r.state().key() + (r.dryRun() ? " (dry run)" : "");
    }

    /** Who asked and who approved: "operator alice", "chat local-operator, approved by alice", "rule cpu-high". */
    public static String by(Remediation r) {
        String trigger = r.trigger() == null ? "" : r.trigger().key();
        String who = r.actor() == null ? "" : r.actor().replaceFirst("^rule:", "");
        String asked = who.isEmpty() || who.equals(trigger) ? trigger : trigger + " " + who;
        return asked + (r.approvedBy() == null || r.approvedBy().isEmpty() ? "" : ", approved by " + r.approvedBy());
    }

    /** The outcome line of a notification: "scale up on web-1: dry run (nothing ran). detail". */
    public static String outcome(Remediation r) {
        return what(r) + ": " + state(r) + (r.detail() == null || r.detail().isEmpty() ? "" : ". " + r.detail());
    }

    /** Whether a finished remediation did what was asked (a dry run did, by planning). */
    public static boolean succeeded(Remediation r) {
        return r.state() == RemediationState.SUCCEEDED || r.state() == RemediationState.PLANNED;
    }

    /** One plan step as the confirm dialog shows it: "what it does: the command". */
    public static String step(PlanStep s) {
        String command = String.join(" ", s.command());
        return s.description() == null || s.description().isBlank() ? command : s.description() + ": " + command;
    }

    public static List<String> steps(List<PlanStep> plan) {
        return plan.stream().map(RemediationText::step).toList();
    }

    /** Who proposed a pending remediation, in words. */
    public static String proposer(Trigger t) {
        return t == null ? "someone" : t.key();
    }
}
