package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.audit.AuditResult;

/**
 * How running an action ended.
 *
 * @param result  {@link Result}
 * @param detail  what happened: command output, the AWS answer, why it was refused
 */
public record Outcome(Result result, String detail) {

    /** How an action can end. */
    public enum Result {
        SUCCESS(AuditResult.SUCCESS), FAILURE(AuditResult.FAILURE), REFUSED(AuditResult.REFUSED);

        private final AuditResult audit;

        Result(AuditResult audit) {
            this.audit = audit;
        }

        /** The audit log's and the metric's {@code result}. */
        public AuditResult audit() {
            return audit;
        }

        public String key() {
            return audit.key();
        }
    }

    public static Outcome success(String detail) {
        return new Outcome(Result.SUCCESS, detail);
    }

    public static Outcome failure(String detail) {
        return new Outcome(Result.FAILURE, detail);
    }

    public static Outcome refused(String detail) {
        return new Outcome(Result.REFUSED, detail);
    }
}
