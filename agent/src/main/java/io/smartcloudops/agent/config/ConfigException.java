package io.smartcloudops.agent.config;

/** Configuration that cannot be used; the message names the key (e.g. {@code source.interval}). */
public final class ConfigException extends RuntimeException {

    private final String key;
    private final String detail;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
        this.detail = message;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
        this.detail = message;
    }

    /** The same error, saying where the value came from when that is not agent.yaml. */
    ConfigException setBy(String origin) {
        return new ConfigException(key, detail + " (set by " + origin + ")", this);
    }

    /** The dotted key that is wrong, e.g. {@code source.interval}. */
    public String key() {
        return key;
    }
}
