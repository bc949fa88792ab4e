package io.smartcloudops.agent.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A host that never changes, in node_exporter's exposition format: CPU busy 20 %, memory 50 %, root
 * filesystem 40 %, disk busy 5 %, 100 kB/s in, 50 kB/s out, load 0.5. Counters follow the wall clock, so
 * they keep counting while the exporter is stopped, as a real host's would. A detector that sees anything
 * anomalous here is seeing an artefact of an outage. Started and stopped on the same port.
 */
public final class SteadyExporter implements AutoCloseable {

    private final int port;
    private final long origin = System.currentTimeMillis();
    private HttpServer server;

    public SteadyExporter() throws IOException {
        this.port = FreePort.find();
        start();
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/metrics", ex -> {
            byte[] body = exposition((System.currentTimeMillis() - origin) / 1000.0).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** {@code 127.0.0.1:PORT}, Prometheus's instance label and the agent's host name. */
    public String instance() {
        return "127.0.0.1:" + port;
    }

    private static String exposition(double t) {
        double base = 1_000_000;
        return """
                node_cpu_seconds_total{cpu="0",mode="idle"} %f
                node_cpu_seconds_total{cpu="0",mode="user"} %f
                node_cpu_seconds_total{cpu="0",mode="system"} %f
                node_memory_MemTotal_bytes 8e+09
                node_memory_MemAvailable_bytes 4e+09
                node_filesystem_size_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 1e+11
                node_filesystem_avail_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 6e+10
                node_disk_io_time_seconds_total{device="vda"} %f
                node_network_receive_bytes_total{device="eth0"} %f
                node_network_transmit_bytes_total{device="eth0"} %f
                node_load1 0.5
                """.formatted(base + 0.8 * t, base + 0.15 * t, base + 0.05 * t, base + 0.05 * t,
                base + 100_000 * t, base + 50_000 * t);
    }

    @Override
    public void close() {
        stop();
    }
}
