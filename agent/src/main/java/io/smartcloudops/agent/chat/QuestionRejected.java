package io.smartcloudops.agent.chat;

/** A question the assistant refuses to read (empty, too long, bad conversation id); names the field. */
public final class QuestionRejected extends RuntimeException {

    private final String field;
    private final String reason;

    public QuestionRejected(String field, String reason) {
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
