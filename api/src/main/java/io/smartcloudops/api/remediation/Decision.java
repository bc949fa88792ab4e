package io.smartcloudops.api.remediation;

/**
 * Body of {@code POST /remediations/{id}/approve} and {@code .../reject} (optional).
 *
 * @param reason why, for the audit log
 */
public record Decision(String reason) {
}
