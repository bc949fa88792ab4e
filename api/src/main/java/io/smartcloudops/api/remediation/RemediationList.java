package io.smartcloudops.api.remediation;

import java.util.List;

/** {@code GET /remediations}: newest first. */
public record RemediationList(List<Remediation> remediations) {

    public RemediationList {
        remediations = List.copyOf(remediations);
    }
}
