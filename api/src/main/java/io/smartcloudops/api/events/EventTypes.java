package io.smartcloudops.api.events;

/** Names of the Server-Sent Events on {@code GET /events}; the data of each is JSON. */
public final class EventTypes {
    /** A new sample: {@link SampleEvent}. */
    public static final String SAMPLE = "sample";
    /** A new or updated anomaly: {@code io.smartcloudops.api.anomaly.Anomaly}. */
    public static final String ANOMALY = "anomaly";
    /** A remediation changed state: {@code io.smartcloudops.api.remediation.Remediation}. */
    public static final String ACTION = "action";
    /** A chat answer: {@code io.smartcloudops.api.chat.QueryResponse}. */
    public static final String CHAT = "chat";
    /** An alert from Alertmanager or Grafana arrived, changed or was acknowledged: {@code io.smartcloudops.api.alert.Alert}. */
    public static final String ALERT = "alert";
    /** A silence was created, ended early or ran out: {@code io.smartcloudops.api.oncall.Silence}. */
    public static final String SILENCE = "silence";
    /** The source changed health: {@code io.smartcloudops.api.status.SourceStatus}. */
    public static final String SOURCE = "source";

    private EventTypes() {
    }
}
