package io.smartcloudops.agent.chat.openai;

import io.smartcloudops.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The model's instructions, from the versioned template {@code chat/system-prompt-v1.txt} in the agent jar.
 * A change of wording is a new file and a new {@link #VERSION}, reported in {@code /status}, so answers
 * can be traced to the prompt that produced them.
 */
public final class SystemPrompt {

    public static final String VERSION = "v1";
    private static final String RESOURCE = "/chat/system-prompt-" + VERSION + ".txt";

    private final String template;

    private SystemPrompt(String template) {
        this.template = template;
    }

    public static SystemPrompt load() {
        try (InputStream in = SystemPrompt.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the agent jar");
            }
            return new SystemPrompt(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * @param hosts  host names (untrusted: they come from sources)
     * @param recent recent anomalies and actions as JSON (untrusted)
     */
    public String render(Instant now, ZoneId zone, List<String> hosts, com.fasterxml.jackson.databind.JsonNode recent) {
        return template
                .replace("{{now}}", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atZone(zone)))
                .replace("{{zone}}", zone.getId())
                .replace("{{version}}", VERSION)
                .replace("{{hosts}}", UntrustedData.wrap("hosts", Json.mapper().valueToTree(hosts)))
                .replace("{{recent}}", UntrustedData.wrap("recent", recent));
    }
}
