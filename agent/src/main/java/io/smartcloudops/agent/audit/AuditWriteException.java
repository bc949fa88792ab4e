package io.smartcloudops.agent.audit;

/** The audit log could not record something; whatever it was about must not happen (the API answers 503). */
public final class AuditWriteException extends RuntimeException {
    public AuditWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
