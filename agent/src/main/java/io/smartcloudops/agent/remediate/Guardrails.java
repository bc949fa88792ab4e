package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Cooldown;
import io.smartcloudops.api.time.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The limits every real (non-dry-run) action passes: the target's circuit breaker, the cooldown of the
 * same action on the same target (and unit), and the per-target hourly rate limit. Not thread-safe: the
 * {@link RemediationService} calls it under its lock.
 */
final class Guardrails {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Duration cooldown;
    private final int maxPerHour;
    private final RemediationConfig.BreakerConfig breaker;
    private final Map<String, Instant> lastRun = new HashMap<>();
    private final Map<String, Deque<Instant>> runs = new HashMap<>();
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> openUntil = new HashMap<>();

    Guardrails(RemediationConfig config) {
        this.cooldown = config.cooldown();
        this.maxPerHour = config.maxPerHour();
        this.breaker = config.breaker();
    }

    private static String key(String target, String scope) {
        return target + "\u0000" + scope;
    }

    /** Why {@code action} may not run on {@code target} at {@code now}, if it may not. */
    Optional<RemediationException.Blocked> check(RemediationAction action, String target, Instant now) {
        if (action.type() != ActionType.NOTIFY) {
            Optional<Instant> open = breakerOpenUntil(target, now);
            if (open.isPresent()) {
                return Optional.of(blocked(RemediationException.Blocked.Reason.BREAKER, "the circuit breaker for " + target
                        + " is open after " + breaker.failures() + " failed or ineffective actions", open.get(), now));
            }
        }
        Instant last = lastRun.get(key(target, action.cooldownScope()));
        if (last != null && now.isBefore(last.plus(cooldown))) {
            return Optional.of(blocked(RemediationException.Blocked.Reason.COOLDOWN, action.type().key()
                    + describeScope(action) + " on " + target + " ran at " + last + "; cooldown is "
                    + DurationText.format(cooldown), last.plus(cooldown), now));
        }
        Deque<Instant> r = prune(runs.get(target), now.minus(HOUR));
        if (r != null && r.size() >= maxPerHour) {
            return Optional.of(blocked(RemediationException.Blocked.Reason.RATE_LIMIT, target + " had " + r.size()
                    + " actions in the last hour (remediation.max_per_hour: " + maxPerHour + ")", r.peekFirst().plus(HOUR), now));
        }
        return Optional.empty();
    }

    private static String describeScope(RemediationAction action) {
        return action instanceof RemediationAction.RestartService rs ? " of " + rs.unit() : "";
    }

    private static RemediationException.Blocked blocked(RemediationException.Blocked.Reason reason, String why,
                                                        Instant until, Instant now) {
        Duration in = Duration.between(now, until);
        if (in.isNegative()) {
            in = Duration.ZERO;
        }
        Duration rounded = Duration.ofSeconds(in.toSeconds() + (in.toNanosPart() > 0 || in.toMillisPart() > 0 ? 1 : 0));
        return new RemediationException.Blocked(reason, why + "; it may run again at " + until
                + " (in " + DurationText.format(rounded) + ")", until, rounded);
    }

    void recordRun(RemediationAction action, String target, Instant at) {
        lastRun.merge(key(target, action.cooldownScope()), at, (a, b) -> a.isAfter(b) ? a : b);
        runs.computeIfAbsent(target, t -> new ArrayDeque<>()).addLast(at);
    }

    /**
     * Counts a failed or ineffective action. Returns true when this one opens the breaker (it was closed
     * and the target now has {@code breaker.failures} within {@code breaker.window}).
     */
    boolean recordFailure(String target, Instant at) {
        Deque<Instant> f = failures.computeIfAbsent(target, t -> new ArrayDeque<>());
        f.addLast(at);
        prune(f, at.minus(breaker.window()));
        if (breakerOpenUntil(target, at).isEmpty() && f.size() >= breaker.failures()) {
            openUntil.put(target, at.plus(breaker.openFor()));
            f.clear();
            return true;
        }
        return false;
    }

    /** Marks the breaker open as a {@code breaker_opened} audit record says (at start). */
    void markOpen(String target, Instant at) {
        openUntil.put(target, at.plus(breaker.openFor()));
        Deque<Instant> f = failures.get(target);
        if (f != null) {
            f.clear();
        }
    }

    Optional<Instant> breakerOpenUntil(String target, Instant now) {
        Instant until = openUntil.get(target);
        return until != null && now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    List<String> openBreakers(Instant now) {
        return openUntil.entrySet().stream().filter(e -> now.isBefore(e.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    List<Cooldown> cooldowns(String target, Instant now) {
        List<Cooldown> out = new ArrayList<>();
        String prefix = target + "\u0000";
        lastRun.forEach((k, at) -> {
            if (k.startsWith(prefix) && now.isBefore(at.plus(cooldown))) {
                String scope = k.substring(prefix.length());
                int colon = scope.indexOf(':');
                ActionType type = ActionType.fromKey(colon < 0 ? scope : scope.substring(0, colon)).orElseThrow();
                Instant until = at.plus(cooldown);
                out.add(new Cooldown(type, colon < 0 ? null : scope.substring(colon + 1), until,
                        (long) Math.ceil(Duration.between(now, until).toMillis() / 1000.0)));
            }
        });
        out.sort(java.util.Comparator.comparing(Cooldown::until));
        return out;
    }

    int runsLastHour(String target, Instant now) {
        Deque<Instant> r = prune(runs.get(target), now.minus(HOUR));
        return r == null ? 0 : r.size();
    }

    private static Deque<Instant> prune(Deque<Instant> d, Instant from) {
        if (d != null) {
            while (!d.isEmpty() && d.peekFirst().isBefore(from)) {
                d.pollFirst();
            }
        }
        return d;
    }
}
