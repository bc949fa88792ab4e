package io.smartcloudops.agent.chat.tools;

/** A tool call whose arguments are invalid; names the argument. Nothing was done. */
public final class ToolArgumentException extends RuntimeException {

    private final String field;
    private final String reason;

    public ToolArgumentException(String field, String reason) {
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
