package io.smartcloudops.agent.alerts;

import io.smartcloudops.api.alert.AlertSource;
import java.time.Instant;
import java.util.Map;

/**
 * One alert of a webhook payload, checked: what the sender said, before it is matched to what the agent knows.
 *
 * @param endsAt absent when the sender left it unset ({@code 0001-01-01T00:00:00Z})
 */
record ReceivedAlert(AlertSource source, String fingerprint, boolean resolved, Map<String, String> labels,
                     Map<String, String> annotations, Instant startsAt, Instant endsAt, String generatorUrl) {
}
