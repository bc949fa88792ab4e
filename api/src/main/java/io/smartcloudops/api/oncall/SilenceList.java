package io.smartcloudops.api.oncall;

import java.util.List;

/** {@code GET /silences}: newest first. */
public record SilenceList(List<Silence> silences) {

    public SilenceList {
        silences = List.copyOf(silences);
    }
}
