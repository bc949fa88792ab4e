package io.smartcloudops.agent.oncall;

import io.smartcloudops.api.oncall.Acknowledgement;
import java.util.Optional;

/** Bus event: an anomaly or alert was acknowledged ({@code ack} present) or the acknowledgement withdrawn. */
public record AcknowledgementChanged(FindingKind kind, String id, Optional<Acknowledgement> ack) {
}
