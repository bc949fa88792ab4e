package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat's logs answer names records without an action (silences) for what they are, through a real agent. */
class AuditLogAnswerTest {

    @TempDir
    Path dir;

    @Test
    void aSilenceInTheLogsAnswerSaysWhatItIsAndWhoMadeItWithoutNull() throws Exception {
        String csvs = Path.of("src/test/resources/chat/scenario").toAbsolutePath().toString();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csvs + "?speed=1000000"));
             AgentClient operator = TestAgents.operator(agent)) {
            Silence s = operator.silence(SilenceRequest.host("web-2", "30m", "deploying"));
            operator.deleteSilence(s.id());

            QueryResponse r = operator.query("Show logs from 10 minutes ago");

            assertThat(r.answer()).startsWith("2 audit records since")
                    .contains(" silence deleted on web-2 by operator — ", " silence created on web-2 by operator — \"silenced ")
                    .doesNotContain("null");
            assertThat(r.answer().indexOf("silence deleted")).as("newest first").isLessThan(r.answer().indexOf("silence created"));
        }
    }
}
