package io.smartcloudops.api.oncall;

/**
 * Body of {@code POST /anomalies/{id}/acknowledge} and {@code POST /alerts/{id}/acknowledge} (optional).
 *
 * @param note up to 500 characters, e.g. "looking into it"
 */
public record AcknowledgeRequest(String note) {
}
