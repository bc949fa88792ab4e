package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.Remediation;
import java.util.Optional;

/**
 * Idempotency keys bound across several agents (Redis when {@code redis.url} is set), so the same key
 * POSTed to two agents runs once. {@link RemediationService} still keeps the keys it bound itself; this
 * is asked only for a key it does not know, after the request passed validation and before anything runs.
 */
public interface SharedIdempotencyKeys {

    /** One agent alone: every key it does not know is free. */
    SharedIdempotencyKeys NONE = new SharedIdempotencyKeys() {
        @Override
        public Optional<Claim> claim(String key, String fingerprint, String remediationId) {
            return Optional.empty();
        }

        @Override
        public void release(String key, String remediationId) {
        }

        @Override
        public void update(Remediation remediation) {
        }

        @Override
        public Optional<Remediation> find(String remediationId) {
            return Optional.empty();
        }
    };

    /**
     * Who already holds a key.
     *
     * @param fingerprint   the request it was bound to (action, target, parameters)
     * @param remediationId the remediation it started
     * @param agent         the agent that bound it
     * @param remediation   that remediation as last shared, empty in the moment between binding and starting
     */
    record Claim(String fingerprint, String remediationId, String agent, Optional<Remediation> remediation) {
    }

    /**
     * Binds {@code key} to a remediation about to start, atomically across agents.
     *
     * @return empty when this agent now holds the key, else who held it first
     * @throws RemediationException.Unavailable when the shared store cannot be asked: nothing may run
     */
    Optional<Claim> claim(String key, String fingerprint, String remediationId);

    /** The remediation was refused before it ran: the key is free again (only if still bound to it). */
    void release(String key, String remediationId);

    /** Shares a remediation's latest state (a newer state is never overwritten by an older one). */
    void update(Remediation remediation);

    /** A remediation another agent started under a shared key. */
    Optional<Remediation> find(String remediationId);
}
