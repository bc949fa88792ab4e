package io.smartcloudops.agent.chat;

/**
 * Input the chat refuses to act on, naming the field that was wrong: the question itself, or the
 * arguments of a tool call. Nothing was done. No stack trace: it is an answer, not a fault.
 */
public abstract class RejectedInput extends RuntimeException {

    private final String field;
    private final String reason;

    protected RejectedInput(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
