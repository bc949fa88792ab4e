package io.smartcloudops.api.oncall;

import java.time.Instant;

/**
 * Someone took an anomaly or alert in hand: repeat notifications stop while it stays acknowledged.
 *
 * @param by   the API token's name of whoever acknowledged it
 * @param at   when
 * @param note what they said, if anything
 */
public record Acknowledgement(String by, Instant at, String note) {
}
