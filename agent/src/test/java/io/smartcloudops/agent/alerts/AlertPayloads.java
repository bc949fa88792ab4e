package io.smartcloudops.agent.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook bodies as the senders write them: Alertmanager's payload version 4 and Grafana's webhook contact
 * point (field names and the zero end time as both send them), as mutable maps tests can bend.
 */
public final class AlertPayloads {

    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private AlertPayloads() {
    }

    /** One alert of either payload. */
    public static Map<String, Object> alert(String status, Map<String, String> labels, Map<String, String> annotations,
                                            Instant startsAt, Instant endsAt, String fingerprint) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", status);
        a.put("labels", new LinkedHashMap<>(labels));
        a.put("annotations", new LinkedHashMap<>(annotations));
        a.put("startsAt", startsAt.toString());
        a.put("endsAt", endsAt == null ? ZERO_TIME : endsAt.toString());
        a.put("generatorURL", "http://prometheus.example:9090/graph?g0.expr=up");
        a.put("fingerprint", fingerprint);
        return a;
    }

    public static Map<String, Object> highCpu(String status, String instance, Instant startsAt, Instant endsAt) {
        return alert(status, Map.of("alertname", "HighCPU", "instance", instance, "job", "node", "severity", "critical"),
                Map.of("summary", "CPU above 90% on " + instance, "description", "5m average"), startsAt, endsAt,
                fingerprint(instance));
    }

    /** A fingerprint per label set, as the senders make one (here: per instance, the only label that varies). */
    public static String fingerprint(String instance) {
        return String.format("%016x", instance.hashCode() & 0xffffffffL | 0xc8e1L << 48);
    }

    /** Alertmanager's webhook payload, version 4. */
    public static Map<String, Object> alertmanager(String status, List<Map<String, Object>> alerts) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("version", "4");
        p.put("groupKey", "{}:{alertname=\"HighCPU\"}");
        p.put("truncatedAlerts", 0);
        p.put("status", status);
        p.put("receiver", "smartcloudops");
        p.put("groupLabels", Map.of("alertname", "HighCPU"));
        p.put("commonLabels", Map.of("alertname", "HighCPU"));
        p.put("commonAnnotations", Map.of());
        p.put("externalURL", "http://alertmanager.example:9093");
        p.put("alerts", new ArrayList<>(alerts));
        return p;
    }

    /** Grafana's webhook contact point payload (unified alerting). */
    public static Map<String, Object> grafana(String status, List<Map<String, Object>> alerts) {
        List<Map<String, Object>> withGrafanaFields = new ArrayList<>();
        for (Map<String, Object> a : alerts) {
            Map<String, Object> g = new LinkedHashMap<>(a);
            g.put("silenceURL", "http://grafana.example:3000/alerting/silence/new");
            g.put("dashboardURL", "");
            g.put("panelURL", "");
            g.put("values", Map.of("B", 97.5, "C", 1));
            g.put("valueString", "[ var='B' labels={instance=web-1:9100} value=97.5 ]");
            withGrafanaFields.add(g);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("receiver", "smartcloudops");
        p.put("status", status);
        p.put("orgId", 1);
        p.put("alerts", withGrafanaFields);
        p.put("groupLabels", Map.of("alertname", "HighCPU"));
        p.put("commonLabels", Map.of("alertname", "HighCPU"));
        p.put("commonAnnotations", Map.of());
        p.put("externalURL", "http://grafana.example:3000/");
        p.put("version", "1");
        p.put("groupKey", "{}:{alertname=\"HighCPU\"}");
        p.put("truncatedAlerts", 0);
        p.put("title", "[FIRING:1] HighCPU");
        p.put("state", "alerting");
        p.put("message", "**Firing**");
        return p;
    }
}
