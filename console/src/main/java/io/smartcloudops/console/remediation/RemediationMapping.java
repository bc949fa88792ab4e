package io.smartcloudops.console.remediation;

import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationPreview;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.TargetOptions;
import io.smartcloudops.console.remediation.RemediationModels.Cooldown;
import io.smartcloudops.console.remediation.RemediationModels.Item;
import io.smartcloudops.console.remediation.RemediationModels.Options;
import io.smartcloudops.console.remediation.RemediationModels.Request;
import io.smartcloudops.console.remediation.RemediationModels.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the agent's remediation records into what the screen shows, and a button press into a request. */
public final class RemediationMapping {

    private RemediationMapping() {
    }

    public static Options options(RemediationOptions o) {
        List<Target> targets = o.targets().stream().map(RemediationMapping::target).toList();
        return new Options(o.enabled(), nz(o.executor()), o.units(), targets, o.pendingApprovals());
    }

    private static Target target(TargetOptions t) {
        Set<String> actions = new LinkedHashSet<>();
        t.actions().forEach(a -> actions.add(a.key()));
        List<Cooldown> cooldowns = t.cooldowns().stream()
                .map(c -> new Cooldown(c.action().key(), nz(c.unit()), c.until())).toList();
        return new Target(t.name(), nz(t.instanceId()), nz(t.autoScalingGroup()), actions, cooldowns, t.runsLastHour(),
                t.breakerOpen());
    }

    public static Item item(Remediation r) {
        List<String> plan = r.plan().stream().map(RemediationMapping::step).toList();
        return new Item(r.id(), r.action() == null ? "" : r.action().key(), nz(r.target()), nz(r.params().get("unit")),
                r.state() == null ? "" : r.state().key(), nz(r.result()), r.dryRun(), plan, nz(r.detail()),
                r.trigger() == null ? "" : r.trigger().key(), nz(r.actor()), nz(r.approvedBy()), r.createdAt());
    }

    /** A preview: the plan, with nothing run or recorded (no id, state {@code preview}). */
    public static Item item(RemediationPreview p) {
        return new Item("", nz(p.action()), nz(p.target()), nz(p.params().get("unit")), RemediationModels.PREVIEW, "",
                p.dryRun(), p.plan().stream().map(RemediationMapping::step).toList(), "", "operator", "", "", null);
    }

    private static String step(PlanStep s) {
        String command = String.join(" ", s.command());
        return s.description() == null || s.description().isBlank() ? command : s.description() + ": " + command;
    }

    public static RemediationRequest request(Request r, boolean dryRun) {
        return new RemediationRequest(r.action(), r.target(), r.unit().isEmpty() ? Map.of() : Map.of("unit", r.unit()),
                dryRun, r.reason());
    }

    /** The action keys, as the agent names them. */
    static boolean known(String action) {
        return ActionType.fromKey(action).isPresent();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
