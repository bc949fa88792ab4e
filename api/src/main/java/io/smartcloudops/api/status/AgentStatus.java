package io.smartcloudops.api.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /status}: what the agent is, what it watches and how healthy its parts are.
 *
 * @param version       agent version
 * @param startedAt     start time
 * @param uptimeSeconds seconds since start
 * @param source        the metric source and its health
 * @param hosts         every host seen, with its latest values
 * @param components    further parts (detector, rules, remediation, chat) keyed by name, each a free-form map
 */
public record AgentStatus(
        String version,
        Instant startedAt,
        long uptimeSeconds,
        SourceStatus source,
        List<HostStatus> hosts,
        Map<String, Object> components) {
}
