package io.smartcloudops.agent.rules;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.SamplesCollected;
import io.smartcloudops.agent.remediate.CapacityChange;
import io.smartcloudops.agent.remediate.ConditionCheck;
import io.smartcloudops.agent.remediate.RemediationException;
import io.smartcloudops.agent.remediate.RemediationService;
import io.smartcloudops.agent.remediate.Submission;
import io.smartcloudops.agent.remediate.Target;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rules: every live sample and every anomaly the detector publishes re-evaluates the rules of
 * that host, steps each rule's state machine ({@link RuleTracker}) on the injected clock, and asks the
 * {@link RemediationService} to act when a rule fires — again after the rule's cooldown while it keeps
 * firing, up to its hourly limit. The service decides the rest (guardrails, breaker, approval, dry run).
 */
public final class RuleEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
    /** Values older than this are not used to verify an action. */
    private static final Duration FRESH = Duration.ofMinutes(5);

    private record OpenAnomaly(Anomaly anomaly, Instant seenAt) {
    }

    private final List<Rule> rules;
    private final RemediationService remediation;
    private final Clock clock;
    private final Duration anomalyHold;
    private final Map<String, Map<Metric, Double>> latest = new HashMap<>();
    private final Map<String, Instant> lastSample = new HashMap<>();
    private final Map<String, Map<String, OpenAnomaly>> anomalies = new HashMap<>();
    private final Map<String, Map<String, Alert>> alerts = new HashMap<>();
    private final SilenceCheck silences;
    private final Map<String, Map<String, RuleTracker>> trackers = new LinkedHashMap<>();
    /** What each rule did on each host before a restart (rule -> host -> oldest first), taken by its first tracker. */
    private final Map<String, Map<String, List<Remediation>>> earlier = new HashMap<>();

    public RuleEngine(List<Rule> rules, RemediationService remediation, Clock clock, Duration anomalyHold,
                      PrometheusRegistry registry) {
        this(rules, remediation, clock, anomalyHold, registry, SilenceCheck.NONE);
    }

    /** @param silences while one holds for a rule on a host, the rule does not act there (it still fires) */
    public RuleEngine(List<Rule> rules, RemediationService remediation, Clock clock, Duration anomalyHold,
                      PrometheusRegistry registry, SilenceCheck silences) {
        this.silences = silences;
        this.rules = List.copyOf(rules);
        this.remediation = remediation;
        this.clock = clock;
        this.anomalyHold = anomalyHold;
        rules.forEach(r -> trackers.put(r.name(), new TreeMap<>()));
        // The remediation service has restored the last 24 h from the audit log: without them a rule still
        // firing after a restart (kill -9 included) would act again inside its cooldown and hourly limit, and
        // propose a second approval beside the one still waiting.
        for (Remediation r : remediation.list(Optional.empty(), Integer.MAX_VALUE).reversed()) {
            if (r.rule() != null && trackers.containsKey(r.rule()) && r.target() != null && r.createdAt() != null
                    && r.state() != io.smartcloudops.api.remediation.RemediationState.REFUSED) {  // refused: never acted
                earlier.computeIfAbsent(r.rule(), k -> new HashMap<>())
                        .computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
            }
        }
        GaugeWithCallback.builder().name("smartcloudops_rule_state")
                .help("State of each rule, the worst over its hosts: 0 inactive, 1 pending, 2 firing")
                .labelNames("rule")
                .callback(cb -> stateByRule().forEach((rule, state) -> cb.call(state.value(), rule)))
                .register(registry);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Live samples (back-filled history is not evaluated: it would fire on the past). */
    public void onSamples(SamplesCollected batch) {
        if (batch.history() || rules.isEmpty()) {
            return;
        }
        for (HostSample s : batch.samples()) {
            synchronized (this) {
                latest.computeIfAbsent(s.host(), h -> new EnumMap<>(Metric.class)).putAll(s.values());
                lastSample.put(s.host(), clock.instant());
                evaluate(s.host());
            }
        }
    }

    /** An anomaly opened, changed or closed ({@code end} set). */
    public synchronized void onAnomaly(Anomaly a) {
        if (a.host() == null || a.id() == null || rules.isEmpty()) {
            return;
        }
        Map<String, OpenAnomaly> open = anomalies.computeIfAbsent(a.host(), h -> new HashMap<>());
        if (a.end() != null) {
            open.remove(a.id());
        } else {
            open.put(a.id(), new OpenAnomaly(a, clock.instant()));
        }
        evaluate(a.host());
    }

    /** An alert from Alertmanager or Grafana arrived or changed; alerts without a host concern no rule. */
    public synchronized void onAlert(Alert a) {
        if (a.host() == null || a.id() == null || rules.isEmpty()) {
            return;
        }
        Map<String, Alert> firing = alerts.computeIfAbsent(a.host(), h -> new HashMap<>());
        if (a.firing()) {
            firing.put(a.id(), a);
        } else {
            firing.remove(a.id());
        }
        evaluate(a.host());
    }

    private HostFacts facts(String host, Instant now) {
        Map<String, OpenAnomaly> open = anomalies.getOrDefault(host, Map.of());
        open.values().removeIf(o -> !now.isBefore(o.seenAt().plus(anomalyHold)));
        return new HostFacts(latest.getOrDefault(host, Map.of()), open.values().stream().map(OpenAnomaly::anomaly).toList(),
                List.copyOf(alerts.getOrDefault(host, Map.of()).values()));
    }

    private void evaluate(String host) {
        Instant now = clock.instant();
        HostFacts facts = facts(host, now);
        for (Rule rule : rules) {
            if (!appliesTo(rule, host)) {
                continue;
            }
            RuleTracker t = trackers.get(rule.name()).computeIfAbsent(host, h -> restored(rule, h));
            boolean holds = rule.condition().holds(facts);
            boolean cleared = rule.clearWhen() == null ? !holds : !holds && rule.clearWhen().holds(facts);
            switch (t.evaluate(holds, cleared, now)) {
                case PENDING -> LOG.info("rule {} pending on {} ({})", rule.name(), host, rule.condition().describe());
                case FIRED -> {
                    LOG.info("rule {} firing on {} ({})", rule.name(), host, rule.condition().describe());
                    t.scaleInDue = null;  // firing again: the capacity it added is still needed
                }
                case RESOLVED -> {
                    LOG.info("rule {} resolved on {}", rule.name(), host);
                    if (rule.scaleInAfter() != null && !t.scaleUps.isEmpty()) {
                        t.scaleInDue = now.plus(rule.scaleInAfter());
                    }
                }
                default -> {
                }
            }
            if (t.scaleInDue != null && t.state == RuleState.INACTIVE && !now.isBefore(t.scaleInDue)
                    && !silenced(rule, host, t, facts, now)) {
                scaleIn(rule, host, t, now);
            }
            if (t.mayAct(holds, now, rule.cooldown(), rule.maxPerHour()) && !stillWaiting(t) && !silenced(rule, host, t, facts, now)) {
                act(rule, host, t, now);
            }
        }
    }

    private RuleTracker restored(Rule rule, String host) {
        RuleTracker t = new RuleTracker(rule.forDuration(), rule.keepFiringFor());
        List<Remediation> before = earlier.getOrDefault(rule.name(), Map.of()).getOrDefault(host, List.of());
        before.forEach(r -> t.acted(r.createdAt(), r.id()));
        if (!before.isEmpty()) {
            earlier.get(rule.name()).remove(host);
        }
        return t;
    }

    /** A silence holds for this rule here: no action (nor proposal) until it ends; the rule keeps firing. */
    private boolean silenced(Rule rule, String host, RuleTracker t, HostFacts facts, Instant now) {
        List<Alert> matched = facts.firingAlerts().stream().filter(a -> readsAlert(rule.condition(), a)).toList();
        Optional<String> by = silences.silencedBy(rule.name(), host,
                rule.condition().metrics().stream().map(Metric::key).toList(), matched);
        if (by.isEmpty()) {
            if (t.lastError != null && t.lastError.startsWith(SILENCED)) {
                t.lastError = null;
            }
            return false;
        }
        if (t.lastError == null || !t.lastError.startsWith(SILENCED)) {
            LOG.info("rule {} on {}: not acting, {}", rule.name(), host, SILENCED + by.get());
        }
        t.lastError = SILENCED + by.get();
        return true;
    }

    private static final String SILENCED = "silenced by ";

    private static boolean readsAlert(Condition c, Alert a) {
        return switch (c) {
            case Condition.AlertMatch m -> m.holds(new HostFacts(Map.of(), List.of(), List.of(a)));
            case Condition.And and -> and.parts().stream().anyMatch(p -> readsAlert(p, a));
            case Condition.Or or -> or.parts().stream().anyMatch(p -> readsAlert(p, a));
            default -> false;
        };
    }

    /** A proposal of this rule that nobody decided on yet is not proposed again. */
    private boolean stillWaiting(RuleTracker t) {
        return t.lastRemediation != null && remediation.find(t.lastRemediation)
                .map(r -> r.state() == io.smartcloudops.api.remediation.RemediationState.PENDING).orElse(false);
    }

    private boolean appliesTo(Rule rule, String host) {
        if (!rule.hosts().isEmpty() && !rule.hosts().contains(host)) {
            return false;
        }
        if (rule.tags().isEmpty()) {
            return true;
        }
        Optional<Target> target = remediation.targets().find(host);
        return target.isPresent() && target.get().tags().entrySet().containsAll(rule.tags().entrySet());
    }

    private void act(Rule rule, String host, RuleTracker t, Instant now) {
        RemediationRequest request = new RemediationRequest(rule.action(), host, rule.params(), rule.dryRun(),
                "rule " + rule.name() + ": " + rule.condition().describe() + cut(rule.description()));
        ConditionCheck check = new ConditionCheck() {
            @Override
            public Optional<Boolean> stillHolds() {
                return verifyNow(rule, host);
            }

            @Override
            public String describe() {
                return rule.condition().describe();
            }
        };
        try {
            Remediation r = remediation.submit(Submission.byRule(request, rule.name(), rule.requiresApproval(), check));
            t.acted(now, r.id());
            if (rule.scaleInAfter() != null) {
                t.scaleUps.add(r.id());
            }
        } catch (RemediationException.Blocked e) {
            t.retryAt = e.retryAt();
            t.lastError = e.getMessage();
            LOG.info("rule {} on {}: {}", rule.name(), host, e.getMessage());
        } catch (RemediationException.Invalid | RemediationException.NotFound e) {
            t.gaveUp = true;
            t.lastError = e.getMessage();
            LOG.warn("rule {} cannot act on {}: {}", rule.name(), host, e.getMessage());
        } catch (RemediationException e) {
            t.retryAt = now.plus(Duration.ofMinutes(1));
            t.lastError = e.getMessage();
            LOG.error("rule {} could not act on {}: {}", rule.name(), host, e.getMessage());
        }
    }

    /**
     * {@code scale_in_after}: the rule stayed resolved that long, so the group goes back to the desired capacity it
     * had before the rule's first scale_up, expecting the capacity its last one left (compare first, in the
     * executor). Scale-ups that changed nothing (dry runs, refusals, failures) have nothing to undo; when none
     * did, a dry run shows what would happen.
     */
    private void scaleIn(Rule rule, String host, RuleTracker t, Instant now) {
        List<CapacityChange> changes = t.scaleUps.stream().flatMap(id -> remediation.find(id).stream())
                .flatMap(r -> CapacityChange.of(r).stream()).toList();
        Map<String, String> params = new LinkedHashMap<>();
        boolean dryRun = rule.dryRun();
        String why;
        if (changes.isEmpty()) {
            dryRun = true;
            why = "rule " + rule.name() + " resolved " + io.smartcloudops.api.time.DurationText.format(rule.scaleInAfter())
                    + " ago; its scale_up changed nothing for real, so this only shows the way back";
        } else {
            params.put("to", Integer.toString(changes.getFirst().before()));
            params.put("expected", Integer.toString(changes.getLast().after()));
            why = "rule " + rule.name() + " resolved " + io.smartcloudops.api.time.DurationText.format(rule.scaleInAfter())
                    + " ago: back to the desired capacity " + changes.getFirst().before() + " it had before its scale_up";
        }
        try {
            Remediation r = remediation.submit(Submission.byRule(new RemediationRequest("scale_in", host, params, dryRun, why),
                    rule.name(), rule.requiresApproval(), null));
            t.scaleInDue = null;
            t.scaleUps.clear();
            t.lastRemediation = r.id();
            LOG.info("rule {} on {}: scale_in {}", rule.name(), host, r.state().key());
        } catch (RemediationException.Blocked e) {
            t.scaleInDue = e.retryAt();
            t.lastError = e.getMessage();
        } catch (RemediationException e) {
            t.scaleInDue = null;
            t.scaleUps.clear();
            t.lastError = "scale_in: " + e.getMessage();
            LOG.warn("rule {} cannot scale {} back in: {}", rule.name(), host, e.getMessage());
        }
    }

    private static String cut(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String d = " (" + description.strip() + ")";
        return TextCut.ellipsis(d, 200, "...)");
    }

    /** Whether the rule's condition still holds on the host, judged on fresh data only. */
    private synchronized Optional<Boolean> verifyNow(Rule rule, String host) {
        Instant now = clock.instant();
        if (!rule.condition().metrics().isEmpty()) {
            Instant seen = lastSample.get(host);
            if (seen == null || seen.isBefore(now.minus(FRESH))) {
                return Optional.empty();
            }
        }
        return Optional.of(rule.condition().holds(facts(host, now)));
    }

    /** The worst state of each rule over its hosts. */
    public synchronized Map<String, RuleState> stateByRule() {
        Map<String, RuleState> out = new LinkedHashMap<>();
        trackers.forEach((rule, hosts) -> out.put(rule, hosts.values().stream().map(t -> t.state)
                .max(Enum::compareTo).orElse(RuleState.INACTIVE)));
        return out;
    }

    /** The state of one rule on one host. */
    public synchronized RuleState state(String rule, String host) {
        RuleTracker t = trackers.getOrDefault(rule, Map.of()).get(host);
        return t == null ? RuleState.INACTIVE : t.state;
    }

    /** For {@code /status}: every rule with its state per host. */
    public synchronized Map<String, Object> status() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Rule r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("when", r.condition().describe());
            if (r.clearWhen() != null) {
                m.put("clear_when", r.clearWhen().describe());
            }
            m.put("for", io.smartcloudops.api.time.DurationText.format(r.forDuration()));
            m.put("action", r.action());
            if (r.scaleInAfter() != null) {
                m.put("scale_in_after", io.smartcloudops.api.time.DurationText.format(r.scaleInAfter()));
            }
            m.put("state", stateByRule().get(r.name()).key());
            List<Map<String, Object>> hosts = new ArrayList<>();
            trackers.get(r.name()).forEach((host, t) -> {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("host", host);
                h.put("state", t.state.key());
                putIfSet(h, "active_since", t.activeAt);
                putIfSet(h, "fired_at", t.state == RuleState.FIRING ? t.firedAt : null);
                putIfSet(h, "resolved_at", t.resolvedAt);
                putIfSet(h, "last_action_at", t.lastActionAt);
                putIfSet(h, "last_remediation", t.lastRemediation);
                putIfSet(h, "last_error", t.lastError);
                putIfSet(h, "scale_in_due", t.scaleInDue);
                hosts.add(h);
            });
            m.put("hosts", hosts);
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", rules.size());
        out.put("rules", list);
        return out;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
