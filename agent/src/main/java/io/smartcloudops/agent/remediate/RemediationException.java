package io.smartcloudops.agent.remediate;

import java.time.Duration;
import java.time.Instant;

/** Why a remediation request was not accepted; the REST layer maps each kind to its status. */
public abstract sealed class RemediationException extends RuntimeException {

    RemediationException(String message) {
        super(message, null, false, false);
    }

    /** A field of the request is wrong (400); {@link #field()} names it. */
    public static final class Invalid extends RemediationException {
        private final String field;

        public Invalid(String field, String detail) {
            super(field + ": " + detail);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The target, or the remediation asked for, does not exist (404). */
    public static final class NotFound extends RemediationException {
        public NotFound(String detail) {
            super(detail);
        }
    }

    /** The request contradicts the state (409): approving a finished remediation, a reused idempotency key. */
    public static final class Conflict extends RemediationException {
        public Conflict(String detail) {
            super(detail);
        }
    }

    /** Not now: cooldown or breaker (409) or rate limit (429); it may run again at {@link #retryAt()}. */
    public static final class Blocked extends RemediationException {
        /** What blocks it. */
        public enum Reason { COOLDOWN, RATE_LIMIT, BREAKER }

        private final Reason reason;
        private final Instant retryAt;
        private final Duration retryIn;

        public Blocked(Reason reason, String detail, Instant retryAt, Duration retryIn) {
            super(detail);
            this.reason = reason;
            this.retryAt = retryAt;
            this.retryIn = retryIn;
        }

        public Reason reason() {
            return reason;
        }

        public Instant retryAt() {
            return retryAt;
        }

        public Duration retryIn() {
            return retryIn;
        }
    }

    /** The audit log cannot be written, so nothing runs (503). */
    public static final class AuditUnavailable extends RemediationException {
        public AuditUnavailable(String detail) {
            super(detail);
        }
    }
}
