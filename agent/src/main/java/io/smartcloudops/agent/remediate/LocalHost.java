package io.smartcloudops.agent.remediate;

/** This machine's name as the local metric source reports it, so "restart on this host" names the same host. */
public final class LocalHost {

    private LocalHost() {
    }

    public static String name() {
        String name = null;
        try {
            name = new oshi.SystemInfo().getOperatingSystem().getNetworkParams().getHostName();
        } catch (RuntimeException | LinkageError ignored) {
            // OSHI cannot read it here: fall back to the environment
        }
        if (name == null || name.isBlank()) {
            name = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return name;
    }
}
