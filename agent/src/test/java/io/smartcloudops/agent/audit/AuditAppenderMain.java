package io.smartcloudops.agent.audit;

import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
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
                log.append(AuditRecord.builder(log.now(), AuditEvent.STARTED).action(ActionType.RESTART_SERVICE)
                        .instance("web-1", null).result(AuditResult.RUNNING).by(Trigger.OPERATOR, "crash-test")
                        .requestId("req-" + i).detail(detail).params(Map.of("unit", "nginx")).idempotencyKey("key-" + i)
                        .build());
                System.out.println("appended " + (i + 1));
                System.out.flush();
            }
        }
    }
}
