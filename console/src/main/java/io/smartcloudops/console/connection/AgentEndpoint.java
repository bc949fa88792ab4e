package io.smartcloudops.console.connection;

/**
 * Where the console's agent is and the token to use.
 *
 * @param url      base URL, e.g. {@code http://127.0.0.1:8080}
 * @param token    bearer token (never logged or shown)
 * @param embedded whether the agent runs inside the console process
 */
public record AgentEndpoint(String url, String token, boolean embedded) {

    @Override
    public String toString() {
        return "AgentEndpoint[url=" + url + ", embedded=" + embedded + "]";
    }
}
