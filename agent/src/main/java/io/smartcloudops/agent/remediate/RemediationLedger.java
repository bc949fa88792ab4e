package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remediations this agent knows, oldest first, and their eviction: past {@link #MAX_KEPT} the oldest
 * settled ones whose idempotency key has expired are dropped (with their key). Not thread-safe: used
 * under the {@link RemediationService}'s lock.
 */
final class RemediationLedger {

    static final int MAX_KEPT = 10_000;

    private final Map<String, RemediationEntry> entries = new LinkedHashMap<>();
    private final IdempotencyKeys keys;
    private final Duration keyRetention;

    RemediationLedger(IdempotencyKeys keys, Duration keyRetention) {
        this.keys = keys;
        this.keyRetention = keyRetention;
    }

    void keep(RemediationEntry e, Instant now) {
        entries.put(e.id(), e);
        keys.bind(e);
        if (entries.size() > MAX_KEPT) {
            Instant keyHorizon = now.minus(keyRetention);
            var it = entries.values().iterator();
            while (entries.size() > MAX_KEPT && it.hasNext()) {
                RemediationEntry old = it.next();
                if (old.settled() && old.createdAt().isBefore(keyHorizon)) {
                    it.remove();
                    keys.forget(old);
                }
            }
        }
    }

    Optional<RemediationEntry> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * @throws RemediationException.NotFound when there is none
     */
    RemediationEntry require(String id) {
        return get(id).orElseThrow(() -> new RemediationException.NotFound("no remediation " + id));
    }

    Collection<RemediationEntry> all() {
        return entries.values();
    }

    /** Newest first, optionally only those in {@code state}, as they are now. */
    List<Remediation> newestFirst(Optional<RemediationState> state, int limit) {
        return entries.values().stream()
                .filter(e -> state.isEmpty() || e.state() == state.get())
                .sorted(Comparator.comparing(RemediationEntry::createdAt).reversed())
                .limit(limit)
                .map(RemediationEntry::view)
                .toList();
    }

    int count(RemediationState state) {
        return (int) entries.values().stream().filter(e -> e.state() == state).count();
    }
}
