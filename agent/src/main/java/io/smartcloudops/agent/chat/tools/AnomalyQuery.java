package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.time.Instant;

/**
 * Which anomalies to read.
 *
 * @param limit       at most this many, newest first
 * @param host        only this host; null for all
 * @param minSeverity only this severity or worse; null for all
 * @param since       only anomalies raised (or still open) at or after this time; null for no bound
 */
public record AnomalyQuery(int limit, String host, Severity minSeverity, Instant since) {

    public static AnomalyQuery latest(int limit) {
        return new AnomalyQuery(limit, null, null, null);
    }

    public boolean matches(Anomaly a) {
        if (host != null && !host.equals(a.host())) {
            return false;
        }
        if (minSeverity != null && (a.severity() == null || !a.severity().atLeast(minSeverity))) {
            return false;
        }
        if (since != null) {
            Instant last = a.end() != null ? a.end() : a.timestamp();
            boolean open = a.end() == null;
            return open || !last.isBefore(since);
        }
        return true;
    }
}
