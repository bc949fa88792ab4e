package io.smartcloudops.agent.config;

/**
 * The HTTP server.
 *
 * @param bind                 {@code HOST:PORT}; loopback by default, port 0 picks a free one
 * @param metricsRequireToken  whether {@code /metrics} needs a viewer token
 * @param maxRequestBytes      larger request bodies are refused with 413
 * @param corsOrigins          origins allowed to call the API from a browser (none by default)
 */
public record ServerConfig(String bind, boolean metricsRequireToken, long maxRequestBytes,
                           java.util.List<String> corsOrigins) {

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1:8080", false, 65_536, java.util.List.of());
    }
}
