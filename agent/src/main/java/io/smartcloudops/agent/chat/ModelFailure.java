package io.smartcloudops.agent.chat;

/** The language model could not give an answer; {@link #reason()} is short and says why, without secrets. */
public final class ModelFailure extends RuntimeException {

    private final String reason;

    public ModelFailure(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public ModelFailure(String reason) {
        this(reason, null);
    }

    public String reason() {
        return reason;
    }
}
