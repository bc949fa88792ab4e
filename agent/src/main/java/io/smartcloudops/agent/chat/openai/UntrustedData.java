package io.smartcloudops.agent.chat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Json;

/**
 * Marks text from logs, metrics and anomaly records as data for the model, so that instructions hidden
 * in it ("ignore previous instructions ...") are read as content. {@code <} and {@code >} inside are
 * written as JSON escapes, so the data can never close its own wrapper.
 */
public final class UntrustedData {

    public static final String OPEN = "<untrusted-data";
    public static final String CLOSE = "</untrusted-data>";

    private UntrustedData() {
    }

    public static String wrap(String source, JsonNode data) {
        String json = Json.write(data).replace("<", "\\u003c").replace(">", "\\u003e");
        return OPEN + " source=\"" + source.replaceAll("[^A-Za-z0-9_.:-]", "_") + "\">\n" + json + "\n" + CLOSE;
    }
}
