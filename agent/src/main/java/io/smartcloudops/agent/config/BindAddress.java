package io.smartcloudops.agent.config;

/** {@code HOST:PORT} as given to {@code --bind}; port 0 means "any free port". */
public record BindAddress(String host, int port) {

    public static BindAddress parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(key, "is required (HOST:PORT, e.g. 127.0.0.1:8080)");
        }
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new ConfigException(key, "'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:8080)");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "'" + text + "': port must be a number");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, "'" + text + "': port must be 0-65535");
        }
        return new BindAddress(host, port);
    }

    public boolean isLoopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
