package io.smartcloudops.agent.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic JSON webhook for anything else. Each body is signed: {@code X-SmartCloudOps-Timestamp} is the Unix
 * time of sending and {@code X-SmartCloudOps-Signature} is {@code sha256=} and the hex HMAC-SHA256, keyed with
 * the channel's secret, of {@code <timestamp>.<body>}. A receiver recomputes it, compares in constant time and
 * refuses old timestamps (a replayed body carries its old one).
 */
public record WebhookChannel(String name, String url, String secret) implements Channel {

    public static final String TIMESTAMP_HEADER = "X-SmartCloudOps-Timestamp";
    public static final String SIGNATURE_HEADER = "X-SmartCloudOps-Signature";
    static final int VERSION = 1;

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public Optional<OutgoingRequest> render(Notice n) {
        Subject s = n.subject();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", VERSION);
        root.put("event", n.kind().key());
        root.put("kind", s.kind().key());
        root.put("id", s.id());
        root.put("title", s.title());
        if (s.host() != null) {
            root.put("host", s.host());
        }
        if (s.severity() != null) {
            root.put("severity", s.severity());
        }
        root.put("summary", s.summary());
        root.put("source", s.source());
        root.put("start", s.start().toString());
        if (s.end() != null) {
            root.put("end", s.end().toString());
        }
        ObjectNode details = root.putObject("details");
        s.details().forEach(details::put);
        if (s.link() != null) {
            root.put("link", s.link());
        }
        if (s.ack() != null) {
            ObjectNode ack = root.putObject("acknowledged").put("by", s.ack().by()).put("at", s.ack().at().toString());
            if (s.ack().note() != null) {
                ack.put("note", s.ack().note());
            }
        }
        root.put("sent_at", n.at().toString());
        String body = Json.write(root);
        String timestamp = Long.toString(n.at().getEpochSecond());
        return Optional.of(new OutgoingRequest(url, body, Map.of(TIMESTAMP_HEADER, timestamp,
                SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp + "." + body))));
    }

    /** Hex HMAC-SHA256 of {@code text} keyed with {@code secret}. */
    public static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookChannel[" + name + "]";  // never the URL or the secret
    }
}
