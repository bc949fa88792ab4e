package io.smartcloudops.agent.cli;

/** Bad input on the command line or in a file it names: exit code 2 with this message. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
