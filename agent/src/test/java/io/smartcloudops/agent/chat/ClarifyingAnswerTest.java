package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.chat.QueryResponse;
import org.junit.jupiter.api.Test;

/** A partial host name that fits several hosts gets a question back, never another host's figures or an action. */
class ClarifyingAnswerTest {

    @Test
    void anAmbiguousHostIsAskedAboutNotGuessed() throws Exception {
        ChatScenario scenario = new ChatScenario();
        ChatService chat = scenario.offlineService();

        QueryResponse cpu = chat.ask("cpu on web?", null, "alice");
        assertThat(cpu.answer()).isEqualTo("Which host do you mean by 'web': web-1 or web-2? Name one, e.g. 'web-1'. Nothing was done.");

        QueryResponse restart = chat.ask("restart nginx on web", null, "bob");
        assertThat(restart.answer()).startsWith("Which host do you mean by 'web': web-1 or web-2?");
        assertThat(restart.proposedActions()).isEmpty();
        assertThat(scenario.proposer.calls()).isEmpty();

        QueryResponse db = chat.ask("whats the memory like on db", null, "carol");
        assertThat(db.answer()).contains("db-1").doesNotContain("web-1");
    }
}
