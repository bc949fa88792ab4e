package io.smartcloudops.agent.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slack incoming webhook: a Block Kit message (header, summary, up to ten fields, context line) with
 * {@code text} as the fallback notifications show. Slack's limits are kept: header 150 characters, a section
 * 3,000, a field 2,000, ten fields. Text from alerts is escaped ({@code & < >}) so it cannot form links or
 * mentions.
 */
public record SlackChannel(String name, String url) implements Channel {

    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3000;
    static final int FIELD_MAX = 2000;
    static final int FIELDS_MAX = 10;

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public Optional<OutgoingRequest> render(Notice n) {
        if (n.kind() == Notice.Kind.ACKNOWLEDGED) {
            return Optional.empty();
        }
        Subject s = n.subject();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("text", Texts.cut(n.headline() + ": " + s.summary(), SECTION_MAX));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", Texts.cut(n.headline(), HEADER_MAX));
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", Texts.cut(escape(s.summary().isBlank() ? s.title() : s.summary()), SECTION_MAX));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        for (Map.Entry<String, String> f : facts(n).entrySet()) {
            if (fields.size() == FIELDS_MAX) {
                break;
            }
            String name = Texts.cut(escape(f.getKey()), 100);
            fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n"
                    + Texts.cut(escape(f.getValue()), FIELD_MAX - name.length() - 3));
        }
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", Texts.cut("Smart Cloud Ops AI · " + s.kind().key() + " " + s.id()
                        + (s.link() == null ? "" : " · <" + escape(s.link()) + "|source>"), SECTION_MAX));
        return Optional.of(new OutgoingRequest(url, Json.write(root), Map.of()));
    }

    /** The fields every chat channel shows, in order. */
    static Map<String, String> facts(Notice n) {
        Subject s = n.subject();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Host", s.host() == null ? "(none)" : s.host());
        if (s.severity() != null) {
            f.put("Severity", s.severity());
        }
        f.put("Source", s.source());
        f.put(n.kind() == Notice.Kind.RESOLVED ? "Resolved" : "Since",
                String.valueOf(n.kind() == Notice.Kind.RESOLVED && s.end() != null ? s.end() : s.start()));
        s.details().forEach(f::putIfAbsent);
        return f;
    }

    /** Slack's three control characters in mrkdwn. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return "SlackChannel[" + name + "]";  // never the URL
    }
}
