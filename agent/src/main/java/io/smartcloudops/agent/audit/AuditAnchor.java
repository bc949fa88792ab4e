package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.lifecycle.Shutdown;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the audit chain's head (the hash of the newest record) where whoever controls this host
 * cannot rewrite it afterwards: {@code /metrics} as {@code smartcloudops_audit_head_info{hash}} (Prometheus
 * keeps the history), and, when {@code logs.anchor_topic_arn} is set, an SNS message every
 * {@code logs.anchor_interval} when the head changed. {@code audit verify --expect-head HASH} then proves
 * that the log still holds that record: records cut off after it, or a log rewritten without the HMAC
 * key, no longer contain it.
 */
public final class AuditAnchor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);

    private final AuditLog log;
    private final boolean keyed;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private String lastPublished;

    public AuditAnchor(AuditLog log, Optional<AuditKey> key, Clock clock) {
        this.log = log;
        this.keyed = key.isPresent();
        this.clock = clock;
        if (!keyed && head().map(AuditChain::isKeyed).orElse(false)) {
            LOG.error("the audit log in {} is sealed with an HMAC key and {} is not set: every action will be refused "
                    + "(503) until the key is set again", log.dir(), AuditKey.VARIABLE);
        }
    }

    /** {@code smartcloudops_audit_head_info{hash}} and {@code smartcloudops_audit_hmac_enabled}. */
    public void register(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("smartcloudops_audit_head_info")
                .help("Hash of the newest audit record (the chain's head); its history in Prometheus is the anchor "
                        + "for: audit verify --expect-head HASH")
                .labelNames("hash")
                .callback(cb -> head().ifPresent(h -> cb.call(1, h))).register(registry);
        GaugeWithCallback.builder().name("smartcloudops_audit_hmac_enabled")
                .help("1 when audit records are sealed with the HMAC key (SMARTCLOUDOPS_AUDIT_HMAC_KEY), else 0")
                .callback(cb -> cb.call(keyed ? 1 : 0)).register(registry);
    }

    /** For {@code /status}. */
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("audit_head", head().orElse(null));
        s.put("audit_sealed_with", keyed ? "hmac-sha256" : "sha256");
        if (!keyed && head().map(AuditChain::isKeyed).orElse(false)) {
            s.put("audit_key_missing", AuditKey.VARIABLE + " is not set but the log is sealed with a key: actions are refused");
        }
        return s;
    }

    /**
     * Publishes the head with {@code publish} (subject, message) every {@code interval} when it changed
     * since the last message. A failed publish is logged and tried again at the next interval.
     */
    public void start(Duration interval, String destination, BiConsumer<String, String> publish) {
        timer = Shutdown.timer("audit-anchor");
        timer.scheduleAtFixedRate(() -> publishIfChanged(destination, publish), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void publishIfChanged(String destination, BiConsumer<String, String> publish) {
        try {
            Optional<String> head = head();
            if (head.isEmpty() || head.get().equals(lastPublished)) {
                return;
            }
            publish.accept("Smart Cloud Ops audit head", "audit head " + head.get() + "\n"
                    + "log: " + log.dir() + "\n"
                    + "at: " + clock.instant() + "\n"
                    + "check: smartcloudops-agent audit verify --expect-head " + head.get());
            lastPublished = head.get();
        } catch (RuntimeException e) {
            LOG.warn("cannot publish the audit head to {}: {} (next try in one interval)", destination, e.getMessage());
        }
    }

    private Optional<String> head() {
        try {
            String h = log.head();
            return h.equals(AuditChain.GENESIS) ? Optional.empty() : Optional.of(h);
        } catch (AuditWriteException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            Shutdown.finish(timer, "the audit anchor");
        }
    }
}
