package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.chat.QueryResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers to what on-call engineers ask beyond the plan's questions, offline from the replayed scenario: things the
 * agent does not know, times it cannot place, rankings of N hosts, comparisons and follow-ups without a host.
 */
class ConversationQuestionsTest {

    ChatService chat;

    @BeforeEach
    void setUp() throws Exception {
        chat = new ChatScenario().offlineService();
    }

    private QueryResponse ask(String q, String conversation) {
        QueryResponse r = chat.ask(q, conversation, "viewer");
        System.out.println("Q: " + q + "\nA: " + r.answer() + "\n");
        return r;
    }

    @Test
    void theOnCallRotaIsNotKnownAndNoFiguresStandInForIt() {
        QueryResponse r = ask("who is on call this week?", null);
        assertThat(r.answer()).startsWith("I don't know who is on call").contains("what alerts are firing")
                .doesNotContain("%").doesNotContain("web-1");
        assertThat(r.data()).as("no tool was called").isEmpty();
        assertThat(r.proposedActions()).isEmpty();
    }

    @Test
    void costsAndTicketsAreNotKnownEither() {
        assertThat(ask("what does web-1 cost per month", null).answer()).startsWith("I don't know").doesNotContain("%");
        assertThat(ask("any open tickets for db-1?", null).answer()).startsWith("I don't know").doesNotContain("%");
    }

    @Test
    void aTimeGivenByAnEventIsAskedBack() {
        QueryResponse r = ask("cpu on web-2 since the deploy", null);
        assertThat(r.answer()).startsWith("Since when? I don't know when the deploy was.").contains("since 14:00");
        assertThat(r.data()).isEmpty();
    }

    @Test
    void topTwoHostsListsTwo() {
        QueryResponse r = ask("top 2 hosts by cpu", null);
        assertThat(r.answer()).startsWith("Top 2 by CPU now: web-1 97.0% (baseline 12.0%), web-2 23.5% (baseline 20.0%).")
                .doesNotContain("db-1");
    }

    @Test
    void theLeastBusyHostComesFirstWhenAskedFor() {
        assertThat(ask("least busy host?", null).answer()).startsWith("Least busy by CPU now: db-1 8.2% (baseline 8.0%).")
                .contains("Then web-2 23.5%, web-1 97.0%.");
        assertThat(ask("bottom 1 host by cpu", null).answer()).startsWith("Lowest 1 by CPU now: db-1 8.2%").doesNotContain("web-");
    }

    @Test
    void aComparisonPutsTheBusierHostFirstWhateverTheOrderAsked() {
        QueryResponse r = ask("is web-2 busier than web-1?", null);
        assertThat(r.answer()).contains("highest first: web-1 97.0% (baseline 12.0%), web-2 23.5% (baseline 20.0%)");
    }

    @Test
    void aFollowUpWithoutAMetricKeepsTheOneBefore() {
        QueryResponse first = ask("cpu on web-1", null);
        QueryResponse r = ask("and web-2?", first.conversationId());
        assertThat(r.answer()).contains("web-2").contains("23.5%").doesNotContain("web-1").doesNotContain("mem");
        QueryResponse why = ask("why?", r.conversationId());
        assertThat(why.answer()).startsWith("web-2");
    }

    @Test
    void askingForTwoInstancesProposesOneStepAndSaysSo() {
        QueryResponse r = ask("add 2 instances to web-2", null);
        assertThat(r.answer()).startsWith("Proposed scale_up on web-2").contains("Nothing has run")
                .endsWith("scale_up raises the desired capacity by one per approval, not by 2.");
        assertThat(r.proposedActions()).hasSize(1);
        assertThat(ask("add two instances", null).answer()).as("no target: ask, propose nothing").startsWith("Which host? Name one, e.g. 'Scale up web-1'.");
    }
}
