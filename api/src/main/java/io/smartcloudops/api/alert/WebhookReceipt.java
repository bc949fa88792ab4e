package io.smartcloudops.api.alert;

/**
 * The answer to a webhook: how many alerts the payload carried and what became of them.
 *
 * @param received  alerts in the payload
 * @param created   alerts this agent had not seen
 * @param updated   alerts that changed (resolved, new annotations)
 * @param unchanged alerts already known exactly so (a replayed payload is all unchanged)
 */
public record WebhookReceipt(int received, int created, int updated, int unchanged) {
}
