package io.smartcloudops.agent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Prometheus on 127.0.0.1 with a temporary storage directory, scraping the given targets every
 * second. {@link #kill()} then {@link #start()} restarts it on the same port and storage.
 */
public final class PrometheusProcess extends ManagedProcess {

    private final int port;

    private PrometheusProcess(int port, Path dir) {
        super(List.of(requireBinary("/usr/bin/prometheus", "prometheus"),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle"), dir.resolve("prometheus.log"), "http://127.0.0.1:" + port + "/-/ready");
        this.port = port;
    }

    /** Starts Prometheus scraping {@code targets} ({@code host:port}) every second. */
    public static PrometheusProcess start(Path workDir, List<String> targets) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("prometheus"));
        String yaml = """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: node
                    static_configs:
                      - targets: [%s]
                """.formatted(String.join(", ", targets.stream().map(t -> "'" + t + "'").toList()));
        Files.writeString(dir.resolve("prometheus.yml"), yaml);
        PrometheusProcess p = new PrometheusProcess(FreePort.find(), dir);
        p.start();
        return p;
    }

    /**
     * Starts Prometheus scraping {@code targets} every second, evaluating {@code rules} (a rule file's text)
     * every second and sending its alerts to the Alertmanager at {@code alertmanager} ({@code host:port}).
     */
    public static PrometheusProcess startWithAlerts(Path workDir, List<String> targets, String rules, String alertmanager)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("prometheus"));
        Files.writeString(dir.resolve("rules.yml"), rules);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                scrape_configs:
                  - job_name: node
                    static_configs:
                      - targets: [%s]
                """.formatted(alertmanager, String.join(", ", targets.stream().map(t -> "'" + t + "'").toList())));
        PrometheusProcess p = new PrometheusProcess(FreePort.find(), dir);
        p.start();
        return p;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
