package io.smartcloudops.agent.remediate;

/**
 * How running an action ended.
 *
 * @param result  {@link Result}
 * @param detail  what happened: command output, the AWS answer, why it was refused
 */
public record Outcome(Result result, String detail) {

    /** The audit log's and the metric's {@code result}. */
    public enum Result {
        SUCCESS("success"), FAILURE("failure"), REFUSED("refused");

        private final String key;

        Result(String key) {
            this.key = key;
        }

        public String key() {
            return key;
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
