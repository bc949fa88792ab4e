package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.Remediation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The idempotency keys: those this agent bound (kept as long as their remediation is kept) and, when
 * several agents share them, those bound anywhere ({@link SharedIdempotencyKeys}). The same key with the
 * same request answers with the first remediation; with a different request it is a conflict. Not
 * thread-safe: used under the {@link RemediationService}'s lock.
 */
final class IdempotencyKeys {

    private final Map<String, RemediationEntry> local = new HashMap<>();
    private final SharedIdempotencyKeys shared;

    IdempotencyKeys(SharedIdempotencyKeys shared) {
        this.shared = shared;
    }

    /**
     * The remediation this agent already started under the submission's key, if any.
     *
     * @throws RemediationException.Conflict when the key was used for a different request
     */
    Optional<Remediation> known(Submission s) {
        if (s.idempotencyKey() == null) {
            return Optional.empty();
        }
        RemediationEntry existing = local.get(s.idempotencyKey());
        if (existing == null) {
            return Optional.empty();
        }
        if (!existing.fingerprint().equals(RemediationEntry.fingerprint(s.request()))) {
            throw new RemediationException.Conflict("Idempotency-Key '" + s.idempotencyKey()
                    + "' was used for a different request (remediation " + existing.id() + ")");
        }
        return Optional.of(existing.view());
    }

    /**
     * Binds the entry's key across agents before anything runs. Empty when this agent now holds it (or
     * there is no key); else the remediation another agent started for the same request.
     *
     * @throws RemediationException.Conflict when another agent holds the key for a different request, or
     *                                       is starting it right now
     */
    Optional<Remediation> claim(RemediationEntry e) {
        if (e.idempotencyKey() == null) {
            return Optional.empty();
        }
        return shared.claim(e.idempotencyKey(), e.fingerprint(), e.id())
                .map(other -> claimedElsewhere(e.idempotencyKey(), e.fingerprint(), other));
    }

    /** Another agent bound the key first: the same request gets its remediation, a different one a 409. */
    private static Remediation claimedElsewhere(String key, String fingerprint, SharedIdempotencyKeys.Claim c) {
        if (!c.fingerprint().equals(fingerprint)) {
            throw new RemediationException.Conflict("Idempotency-Key '" + key + "' was used for a different request "
                    + "(remediation " + c.remediationId() + " on agent " + c.agent() + ")");
        }
        return c.remediation().orElseThrow(() -> new RemediationException.Conflict("Idempotency-Key '" + key
                + "' is being handled by agent " + c.agent() + " right now (remediation " + c.remediationId()
                + "); retry in a moment for its state"));
    }

    /** The claimed remediation was refused before it ran: its key is free again. */
    void release(RemediationEntry e) {
        if (e.idempotencyKey() != null) {
            shared.release(e.idempotencyKey(), e.id());
        }
    }

    void bind(RemediationEntry e) {
        if (e.idempotencyKey() != null) {
            local.put(e.idempotencyKey(), e);
        }
    }

    /** The entry was evicted: its key is forgotten here (the shared store expires it by itself). */
    void forget(RemediationEntry e) {
        if (e.idempotencyKey() != null) {
            local.remove(e.idempotencyKey(), e);
        }
    }

    /** Tells the other agents a remediation's latest state. */
    void share(Remediation r) {
        if (r.idempotencyKey() != null) {
            shared.update(r);
        }
    }

    /** A remediation another agent started under a shared key. */
    Optional<Remediation> findElsewhere(String id) {
        return shared.find(id);
    }
}
