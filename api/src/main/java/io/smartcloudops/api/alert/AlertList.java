package io.smartcloudops.api.alert;

import java.util.List;

/** {@code GET /alerts}: newest first. */
public record AlertList(List<Alert> alerts) {

    public AlertList {
        alerts = List.copyOf(alerts);
    }
}
