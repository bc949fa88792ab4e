package io.smartcloudops.agent.collect;

/** A collection failed; the message says why in words an operator can act on. */
public final class SourceException extends Exception {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
