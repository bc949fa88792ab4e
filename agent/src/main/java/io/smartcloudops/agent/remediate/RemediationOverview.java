package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator may do now ({@code GET /remediations/options}: targets, their actions, cooldowns and
 * breakers) and the remediation part of {@code /status}. Not thread-safe: used under the
 * {@link RemediationService}'s lock.
 */
final class RemediationOverview {

    /** One action of each kind, to ask the runner which kinds a target supports. */
    private static final List<RemediationAction> EACH_KIND = List.of(new RemediationAction.RestartService("unit"),
            new RemediationAction.ScaleUp(), new RemediationAction.ScaleIn(null, null), new RemediationAction.Notify("s", "m"));

    private final RemediationConfig config;
    private final Targets targets;
    private final ActionRunner runner;
    private final Guardrails guardrails;
    private final List<String> allowedUnits;
    private final RemediationLedger ledger;
    private final Path auditDir;

    RemediationOverview(RemediationConfig config, Targets targets, ActionRunner runner, Guardrails guardrails,
                        List<String> allowedUnits, RemediationLedger ledger, Path auditDir) {
        this.config = config;
        this.targets = targets;
        this.runner = runner;
        this.guardrails = guardrails;
        this.allowedUnits = allowedUnits;
        this.ledger = ledger;
        this.auditDir = auditDir;
    }

    RemediationOptions options(Instant now) {
        List<TargetOptions> ts = new ArrayList<>();
        for (Target t : targets.all()) {
            List<ActionType> actions = new ArrayList<>();
            for (RemediationAction a : EACH_KIND) {
                if (runner.unsupported(a, t).isEmpty()) {
                    actions.add(a.type());
                }
            }
            ts.add(new TargetOptions(t.name(), t.instanceId(), t.autoScalingGroup(), t.tags(), t.local(), actions,
                    guardrails.cooldowns(t.name(), now), guardrails.runsLastHour(t.name(), now),
                    guardrails.breakerOpenUntil(t.name(), now).isPresent(),
                    guardrails.breakerOpenUntil(t.name(), now).orElse(null)));
        }
        return new RemediationOptions(config.enabled(), runner.executor(), allowedUnits, ts,
                config.maxPerHour(), true, ledger.count(RemediationState.PENDING));
    }

    Map<String, Object> status(Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", config.enabled());
        m.put("executor", runner.executor());
        m.put("allowed_units", allowedUnits);
        m.put("pending", ledger.count(RemediationState.PENDING));
        m.put("running", (long) ledger.count(RemediationState.RUNNING));
        m.put("breakers_open", guardrails.openBreakers(now));
        m.put("audit_dir", auditDir.toString());
        return m;
    }
}
