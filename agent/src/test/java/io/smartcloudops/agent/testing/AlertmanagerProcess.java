package io.smartcloudops.agent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Alertmanager on 127.0.0.1 with a temporary storage directory and clustering off, routing every
 * alert at once (1 s group wait and interval) to one webhook with a bearer token, resolved ones included.
 */
public final class AlertmanagerProcess extends ManagedProcess {

    private final int port;

    private AlertmanagerProcess(int port, Path dir) {
        super(List.of(requireBinary("/usr/bin/prometheus-alertmanager", "prometheus-alertmanager"),
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="), dir.resolve("alertmanager.log"), "http://127.0.0.1:" + port + "/-/ready");
        this.port = port;
    }

    /** Starts Alertmanager sending every alert to {@code webhookUrl} with {@code token}. */
    public static AlertmanagerProcess start(Path workDir, String webhookUrl, String token) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("alertmanager"));
        Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: smartcloudops
                  group_by: [alertname, instance]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: smartcloudops
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                        max_alerts: 20
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: %s
                """.formatted(webhookUrl, token));
        AlertmanagerProcess p = new AlertmanagerProcess(FreePort.find(), dir);
        p.start();
        return p;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }
}
