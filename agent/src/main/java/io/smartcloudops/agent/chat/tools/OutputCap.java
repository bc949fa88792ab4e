package io.smartcloudops.agent.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.TextCut;
import java.util.Iterator;
import java.util.Map;

/**
 * Cuts a tool result to a size limit, saying so: items are dropped from the end of the largest list (lists
 * are newest or most important first), then long texts are shortened. A capped result carries
 * {@code "truncated": true} and {@code "omitted_items": n}.
 */
public final class OutputCap {

    private static final int LONG_TEXT = 200;

    private OutputCap() {
    }

    /** The JSON and whether it was cut. */
    public record Capped(JsonNode json, boolean truncated) {
    }

    public static Capped cap(JsonNode result, int maxChars) {
        JsonNode copy = result.deepCopy();
        int size = Json.write(copy).length();
        if (size <= maxChars) {
            return new Capped(copy, false);
        }
        int omitted = 0;
        for (int round = 0; round < 64 && size > maxChars; round++) {
            ArrayNode largest = largestArray(copy, null);
            if (largest == null || largest.isEmpty()) {
                break;
            }
            int arraySize = Json.write(largest).length();
            double perItem = (double) arraySize / largest.size();
            int drop = (int) Math.ceil((size - maxChars + 64) / Math.max(1, perItem));
            drop = Math.max(1, Math.min(drop, largest.size()));
            for (int i = 0; i < drop; i++) {
                largest.remove(largest.size() - 1);
            }
            omitted += drop;
            size = Json.write(copy).length();
        }
        if (size > maxChars) {
            shortenTexts(copy);
            size = Json.write(copy).length();
        }
        ObjectNode out;
        if (copy.isObject()) {
            out = (ObjectNode) copy;
        } else {
            out = Json.mapper().createObjectNode();
            out.set("items", copy);
        }
        if (size > maxChars) {
            out = Json.mapper().createObjectNode();
            out.put("note", "the result was larger than " + maxChars + " characters and left out; ask for less (limit, host, metric)");
        }
        out.put("truncated", true);
        out.put("omitted_items", omitted);
        return new Capped(out, true);
    }

    private static ArrayNode largestArray(JsonNode node, ArrayNode best) {
        if (node.isArray()) {
            if (!node.isEmpty() && (best == null || Json.write(node).length() > Json.write(best).length())) {
                best = (ArrayNode) node;
            }
            for (JsonNode child : node) {
                best = largestArray(child, best);
            }
        } else if (node.isObject()) {
            for (JsonNode child : node) {
                best = largestArray(child, best);
            }
        }
        return best;
    }

    private static void shortenTexts(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isTextual() && f.getValue().asText().length() > LONG_TEXT) {
                    f.setValue(TextNode.valueOf(TextCut.ellipsis(f.getValue().asText(), LONG_TEXT)));
                } else {
                    shortenTexts(f.getValue());
                }
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual() && a.get(i).asText().length() > LONG_TEXT) {
                    a.set(i, TextNode.valueOf(TextCut.ellipsis(a.get(i).asText(), LONG_TEXT)));
                } else {
                    shortenTexts(a.get(i));
                }
            }
        }
    }
}
