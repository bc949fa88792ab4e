package io.smartcloudops.console.connection;

/**
 * How the console's link to the agent is doing, with the reason in words for the banner.
 *
 * @param kind   the state
 * @param detail what the banner says (e.g. the error and when the next try is)
 */
public record ConnectionState(Kind kind, String detail) {

    /** The closed set of connection states. */
    public enum Kind { CONNECTING, CONNECTED, UNREACHABLE, UNAUTHORIZED }

    public static ConnectionState connecting(String url) {
        return new ConnectionState(Kind.CONNECTING, "Connecting to the agent at " + url + "...");
    }

    public static ConnectionState connected(String url) {
        return new ConnectionState(Kind.CONNECTED, "Connected to " + url);
    }

    public boolean isConnected() {
        return kind == Kind.CONNECTED;
    }
}
