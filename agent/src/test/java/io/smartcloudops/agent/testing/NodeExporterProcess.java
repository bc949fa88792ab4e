package io.smartcloudops.agent.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Debian's prometheus-node-exporter on 127.0.0.1 (systemd collector off: no dbus here). */
public final class NodeExporterProcess extends ManagedProcess {

    private final int port;

    private NodeExporterProcess(int port, Path log) {
        super(List.of(requireBinary("/usr/bin/prometheus-node-exporter", "prometheus-node-exporter"),
                "--web.listen-address=127.0.0.1:" + port, "--no-collector.systemd"), log,
                "http://127.0.0.1:" + port + "/metrics");
        this.port = port;
    }

    public static NodeExporterProcess start(Path workDir) throws IOException, InterruptedException {
        NodeExporterProcess p = new NodeExporterProcess(FreePort.find(), workDir.resolve("node_exporter.log"));
        p.start();
        return p;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}: the {@code instance} label Prometheus gives it, and the agent's host name. */
    public String instance() {
        return "127.0.0.1:" + port;
    }

    public String url() {
        return "http://" + instance();
    }
}
