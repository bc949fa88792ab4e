package io.smartcloudops.agent.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Teams through a workflow webhook ("When a Teams webhook request is received"): a message with one
 * Adaptive Card 1.4 attachment (title, summary, a fact set, a link to the source when there is one).
 */
public record TeamsChannel(String name, String url) implements Channel {

    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

    @Override
    public String type() {
        return "teams";
    }

    @Override
    public Optional<OutgoingRequest> render(Notice n) {
        if (n.kind() == Notice.Kind.ACKNOWLEDGED) {
            return Optional.empty();
        }
        Subject s = n.subject();
        ObjectNode root = Json.mapper().createObjectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("contentType", CARD_TYPE);
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", SCHEMA).put("type", "AdaptiveCard").put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("size", "Large").put("weight", "Bolder")
                .put("color", n.kind() == Notice.Kind.RESOLVED ? "Good" : "Attention").put("wrap", true)
                .put("text", Texts.cut(n.headline(), 300));
        body.addObject().put("type", "TextBlock").put("wrap", true).put("text", Texts.cut(s.summary(), 2000));
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        for (Map.Entry<String, String> f : SlackChannel.facts(n).entrySet()) {
            facts.addObject().put("title", Texts.cut(f.getKey(), 100)).put("value", Texts.cut(f.getValue(), 500));
        }
        if (s.link() != null && (s.link().startsWith("https://") || s.link().startsWith("http://"))) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open source")
                    .put("url", s.link());
        }
        return Optional.of(new OutgoingRequest(url, Json.write(root), Map.of()));
    }

    @Override
    public String toString() {
        return "TeamsChannel[" + name + "]";  // never the URL
    }
}
