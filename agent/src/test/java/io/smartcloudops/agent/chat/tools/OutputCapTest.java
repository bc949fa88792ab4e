package io.smartcloudops.agent.chat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import org.junit.jupiter.api.Test;

class OutputCapTest {

    @Test
    void smallResultsAreUntouched() {
        ObjectNode o = Json.mapper().createObjectNode().put("a", 1);
        OutputCap.Capped c = OutputCap.cap(o, 1000);
        assertThat(c.truncated()).isFalse();
        assertThat(c.json()).isEqualTo(o);
    }

    @Test
    void largeListsLoseTheirTailAndSaySo() {
        ObjectNode o = Json.mapper().createObjectNode();
        ArrayNode items = o.putArray("records");
        for (int i = 0; i < 500; i++) {
            items.addObject().put("n", i).put("detail", "line " + i + " of the audit log with some words in it");
        }
        OutputCap.Capped c = OutputCap.cap(o, 2000);
        assertThat(c.truncated()).isTrue();
        assertThat(Json.write(c.json()).length()).isLessThanOrEqualTo(2000);
        assertThat(c.json().path("truncated").asBoolean()).isTrue();
        int kept = c.json().path("records").size();
        assertThat(kept).isBetween(1, 499);
        assertThat(c.json().path("omitted_items").asInt()).isEqualTo(500 - kept);
        assertThat(c.json().path("records").get(0).path("n").asInt()).as("the newest (first) items are kept").isZero();
    }

    @Test
    void longTextsAreShortenedWhenThereIsNoListLeft() {
        ObjectNode o = Json.mapper().createObjectNode().put("detail", "x".repeat(5000));
        OutputCap.Capped c = OutputCap.cap(o, 600);
        assertThat(c.truncated()).isTrue();
        assertThat(c.json().path("detail").asText()).hasSize(203).endsWith("...");
    }
}
