package io.smartcloudops.console.oncall;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;

/** What the Acknowledge and Snooze buttons act on: the anomaly or the alert selected last. */
public sealed interface Selection {

    String host();

    /** For the label above the buttons. */
    String describe();

    record OfAnomaly(Anomaly anomaly) implements Selection {
        @Override
        public String host() {
            return anomaly.host();
        }

        @Override
        public String describe() {
            return "anomaly on " + anomaly.host() + (anomaly.summary() == null ? "" : ": " + anomaly.summary());
        }
    }

    record OfAlert(Alert alert) implements Selection {
        @Override
        public String host() {
            return alert.host();
        }

        @Override
        public String describe() {
            return "alert " + alert.name() + (alert.host() == null ? "" : " on " + alert.host()) + " (" + alert.source().key() + ")";
        }
    }
}
