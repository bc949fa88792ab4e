package io.smartcloudops.agent.audit;

import io.smartcloudops.api.audit.AuditRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A child process for the crash test: appends audit records as fast as it can until it is killed,
 * printing {@code appended N} after each so the test knows records were acknowledged.
 */
public final class AuditAppenderMain {

    private AuditAppenderMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String detail = "x".repeat(Integer.parseInt(args[1]));
        try (AuditLog log = new AuditLog(dir, Clock.systemUTC(), 0)) {
            for (long i = 0; ; i++) {
                log.append(new AuditRecord(log.now(), "started", "restart_service", "web-1", null, "running", "operator",
                        "crash-test", false, "req-" + i, null, detail, null, Map.of("unit", "nginx"), null, "key-" + i,
                        null, null, null));
                System.out.println("appended " + (i + 1));
                System.out.flush();
            }
        }
    }
}
