package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.chat.Fact;
import io.smartcloudops.api.chat.QueryResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session 8's mechanisms answered offline from the replayed scenario (clock 2026-03-10 15:00 UTC): what the agent did
 * filtered by outcome, bare hours, what a metric usually is, and honest unknowns (the hosts' own logs).
 */
class AgentActivityQuestionsTest {

    ChatScenario scenario;
    ChatService chat;

    @BeforeEach
    void setUp() throws Exception {
        scenario = new ChatScenario();
        chat = scenario.offlineService();
    }

    private QueryResponse ask(String q) {
        QueryResponse r = chat.ask(q, null, "viewer");
        System.out.println("Q: " + q + "\nA: " + r.answer() + "\n");
        return r;
    }

    @Test
    void dryRunsListOnlyTheRemediationsThatRanDry() {
        QueryResponse r = ask("any dry runs today?");
        assertThat(r.answer()).startsWith("Remediation today (since 00:00 UTC) (only dry runs): 1 remediation")
                .contains("12:10 UTC scale_up on web-2 → dry run (nothing ran)")
                .doesNotContain("nginx").doesNotContain("php-fpm");
    }

    @Test
    void failuresListOnlyTheFailedRemediation() {
        QueryResponse r = ask("did any auto-remediation fail since yesterday?");
        assertThat(r.answer()).contains("restart_service nginx on db-1 → failure")
                .doesNotContain("web-1").doesNotContain("web-2");
    }

    @Test
    void nothingPendingIsSaidPlainly() {
        assertThat(ask("wat needs my approval").answer())
                .isEqualTo("Remediation did nothing over the last 24 hours (only waiting for approval).");
        assertThat(scenario.proposer.calls()).isEmpty();
    }

    @Test
    void aBareHourIsTheLatestSuchHourAndAsksForStatistics() {
        QueryResponse r = ask("cpu on web1 since 9");
        assertThat(r.answer()).contains("since 09:00 UTC");
        assertThat(r.data()).extracting(Fact::tool).containsExactly("series_stats");
        assertThat(r.data().getFirst().arguments().path("since").asText()).isEqualTo("2026-03-10T09:00:00Z");
    }

    @Test
    void whatIsNormalGivesTheUsualLevelBesideTheValueNowAndWhereTheBandIs() {
        QueryResponse r = ask("whats normal cpu for web-1");
        assertThat(r.answer()).startsWith("web-1 cpu: usually about 12.0% (median of the last hour), now 97.0%.")
                .contains("smartcloudops_band_lower");
        assertThat(r.data()).extracting(Fact::tool).containsExactly("current_metrics", "agent_status");
    }

    @Test
    void withoutANotificationJournalTheChatSaysSoAndTheHostLogsAreAnHonestUnknown() {
        QueryResponse notified = ask("did pagerduty get the web-2 alert");
        assertThat(notified.answer()).isEqualTo("I can't tell which notifications were sent: this agent has no notification journal.");
        assertThat(notified.data()).extracting(Fact::tool).containsExactly("notifications");
        QueryResponse logs = ask("tail nginx logs on web-2");
        assertThat(logs.answer()).startsWith("I don't know what is in the hosts' own logs").contains("audit log");
        assertThat(logs.data()).isEmpty();
        assertThat(scenario.proposer.calls()).isEmpty();
    }
}
