package io.smartcloudops.agent.config;

/** Configuration that cannot be used; the message names the key (e.g. {@code source.interval}). */
public final class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    /** The dotted key that is wrong, e.g. {@code source.interval}. */
    public String key() {
        return key;
    }
}
