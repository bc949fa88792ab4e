package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.chat.QueryResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The chat's host handling against a list of phrasings written apart from the parser
 * (src/test/resources/chat/host-questions.txt): a host the agent does not watch is refused by name and never
 * answered with another host's figures; "which host is busiest?" ranks the hosts; a question bounded in
 * time ("in the last hour") lists every anomaly in that time.
 */
class HostQuestionsTest {

    private static final List<String> KNOWN = List.of("web-1", "web-2", "db-1");

    record Case(String expectation, String question) {
    }

    static List<Case> cases() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/chat/host-questions.txt"))) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                int bar = l.indexOf(" | ");
                return new Case(l.substring(0, bar).strip(), l.substring(bar + 3).strip());
            }).toList();
        }
    }

    @Test
    void everyPhrasingIsAnsweredAsItsExpectationSays() throws Exception {
        ChatScenario scenario = new ChatScenario();
        ChatService chat = scenario.offlineService();
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(30);
        SoftAssertions soft = new SoftAssertions();
        int n = 0;
        for (Case c : cases) {
            // one operator per question: the chat's rate limit is per operator
            QueryResponse r = chat.ask(c.question(), null, "operator-" + n++);
            String a = r.answer();
            String[] e = c.expectation().split(":", 2);
            String why = c.question() + " -> " + a;
            switch (e[0]) {
                case "unknown" -> {
                    soft.assertThat(a).as(why).startsWith("I don't know a host called '" + e[1] + "'")
                            .contains("Hosts I know: db-1, web-1, web-2");
                    soft.assertThat(a).as(why + " (no figures)").doesNotContain("%").doesNotContain("KB/s");
                }
                case "busiest" -> {
                    int colon = e[1].indexOf(':');
                    String host = e[1].substring(0, colon);
                    String what = e[1].substring(colon + 1);
                    soft.assertThat(a).as(why).startsWith("Busiest by " + what + " now: " + host + " ");
                    KNOWN.stream().filter(h -> !h.equals(host)).forEach(h -> soft.assertThat(a).as(why).contains(h));
                }
                case "history" -> {
                    int colon = e[1].indexOf(':');
                    String host = e[1].substring(0, colon);
                    List<String> times = Arrays.asList(e[1].substring(colon + 1).split(","));
                    soft.assertThat(a).as(why).startsWith(host + " ").contains("Now: CPU");
                    times.forEach(t -> soft.assertThat(a).as(why).contains(t + " UTC"));
                    soft.assertThat(a).as(why + " (anomaly count)")
                            .contains(times.size() + " anomal" + (times.size() == 1 ? "y" : "ies"));
                }
                case "window" -> {
                    String[] parts = e[1].split("/");
                    for (String t : parts[0].split(",")) {
                        soft.assertThat(a).as(why).contains(" at " + t + " UTC");
                    }
                    if (!parts[1].equals("-")) {
                        soft.assertThat(a).as(why).doesNotContain(" at " + parts[1] + " UTC");
                    }
                }
                default -> throw new IllegalArgumentException("unknown expectation " + c.expectation());
            }
        }
        soft.assertAll();
    }
}
