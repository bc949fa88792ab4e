package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.chat.Fact;
import io.smartcloudops.api.chat.QueryResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project plan's questions (and the issue's) answered offline from the replayed scenario, numbers checked. */
class OfflineScenarioTest {

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
    void currentCpuNamesEveryHostWithItsValueAndBaseline() {
        QueryResponse r = ask("What's current CPU?");
        assertThat(r.backend()).isEqualTo("offline");
        assertThat(r.answer()).contains("web-1 97.0% (baseline 12.0%)", "web-2 23.5% (baseline 20.0%)",
                "db-1 8.2% (baseline 8.0%)", "15:00:00 UTC");
        assertThat(r.answer().indexOf("web-1")).isLessThan(r.answer().indexOf("web-2"));
        assertThat(r.data()).extracting(Fact::tool).containsExactly("current_metrics");
        assertThat(r.data().getFirst().arguments().path("metric").asText()).isEqualTo("cpu");
    }

    @Test
    void summarizeLastThreeAnomaliesNamesTheNewestThreeWithTheirDrivers() {
        QueryResponse r = ask("Summarize last 3 anomalies");
        assertThat(r.answer()).startsWith("Last 3 anomalies (newest first):")
                .contains("1. web-1 at 14:51 UTC, critical (score 0.91): cpu 97.0% (baseline 12.0%), load1 7.80 (baseline 0.90); still open.")
                .contains("2. web-2 at 14:30 UTC, high (score 0.74): net_in 48.0 MB/s (baseline 2.0 MB/s); ended at 14:34 UTC.")
                .contains("3. db-1 at 13:40 UTC, medium (score 0.62): disk_io 78.0% (baseline 20.0%)")
                .doesNotContain("13:20");
        assertThat(r.data().getFirst().result().path("anomalies")).hasSize(3);
    }

    @Test
    void logsFromTenMinutesAgoAreTheAuditRecordsSince1450() {
        QueryResponse r = ask("Show logs from 10 minutes ago");
        assertThat(r.answer()).startsWith("3 audit records since 14:50 UTC (10 minutes ago), newest first:")
                .contains("14:58:00 verified restart_service nginx on web-1: success (rule cpu-high)")
                .contains("14:55:00 finished restart_service nginx on web-1: success (rule cpu-high)")
                .contains("14:54:00 started restart_service nginx on web-1: running")
                .doesNotContain("php-fpm");
        assertThat(r.data().getFirst().arguments().path("since").asText()).isEqualTo("2026-03-10T14:50:00Z");
    }

    @Test
    void whyIsWeb1AnomalousExplainsTheOpenAnomalyWithBaselinesAndCurrentValues() {
        QueryResponse r = ask("Why is web-1 anomalous?");
        assertThat(r.answer()).startsWith("web-1 is anomalous since 14:50 UTC (critical, score 0.91).")
                .contains("CPU at 97.0% against a baseline of 12.0% (+14.2 robust SD)")
                .contains("load (1m) at 7.80 against a baseline of 0.90")
                .contains("Now: cpu 97.0%, mem 41.0%");
    }

    @Test
    void autoRemediationTodayListsRuleRemediationsOnly() {
        QueryResponse r = ask("What did auto-remediation do today?");
        assertThat(r.answer()).startsWith("Auto-remediation today (since 00:00 UTC): 2 remediations, 1 succeeded")
                .contains("14:54 UTC restart_service nginx on web-1 → success (rule cpu-high), verified effective.")
                .contains("12:10 UTC scale_up on web-2 → dry run (nothing ran) (rule net-spike)")
                .doesNotContain("php-fpm").doesNotContain("db-1");
        assertThat(r.data().getFirst().arguments().path("trigger").asText()).isEqualTo("rule");
    }

    @Test
    void restartNginxOnWeb1IsAProposalPendingApprovalAndNothingElse() {
        QueryResponse r = ask("Restart nginx on web-1");
        assertThat(r.proposedActions()).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo("restart_service");
            assertThat(p.target()).isEqualTo("web-1");
            assertThat(p.params()).containsEntry("unit", "nginx");
            assertThat(p.state()).isEqualTo("pending");
        });
        assertThat(r.answer()).contains("Proposed restart_service nginx on web-1 for an operator's approval",
                "Nothing has run");
        assertThat(scenario.proposer.pending()).hasSize(1);
    }

    @Test
    void unknownQuestionsGetAShortListOfWhatCanBeAsked() {
        QueryResponse r = ask("What is the meaning of life?");
        assertThat(r.answer()).contains("What's current CPU?", "Summarize last 3 anomalies", "Show logs from 10 minutes ago",
                "Hosts I know: db-1, web-1, web-2");
        assertThat(r.data()).isEmpty();
    }
}
