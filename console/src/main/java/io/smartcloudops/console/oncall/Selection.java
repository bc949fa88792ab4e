package io.smartcloudops.console.oncall;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.console.anomalies.AnomaliesViewModel;

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

        /** "critical anomaly on web-1 since Dec 7 12:05:31": one line that stays put while the anomaly's values change. */
        @Override
        public String describe() {
            return (anomaly.severity() == null ? "" : anomaly.severity().key() + " ") + "anomaly on " + anomaly.host()
                    + " since " + AnomaliesViewModel.formatTime(anomaly.start() == null ? anomaly.timestamp() : anomaly.start());
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
