package io.smartcloudops.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.testing.Eventually;
import io.smartcloudops.agent.testing.TestAgents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ask} against a real agent replaying the chat scenario. */
class AskCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = AgentMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void asksPrintsTheAnswerAndRefusesBadInputWithExitTwo() throws Exception {
        String csvs = Path.of("src/test/resources/chat/scenario").toAbsolutePath().toString();
        try (Agent agent = TestAgents.start(dir, Map.of("source.spec", "replay:" + csvs + "?speed=1000000", "source.interval", "200ms"))) {
            Eventually.within("the replay of db-1", Duration.ofSeconds(10)).until(() -> agent.store().sampleCount("db-1") >= 120);
            Path token = Files.writeString(dir.resolve("token"), TestAgents.VIEWER_TOKEN + "\n");
            Run ok = run("ask", "--url", agent.baseUrl(), "--token-file", token.toString(), "What's", "current", "CPU?");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("web-1 97.0% (baseline 12.0%)").contains("-- offline, conversation ");

            Run json = run("ask", "--json", "--url", agent.baseUrl(), "--token-file", token.toString(), "Is the agent healthy?");
            assertThat(json.out()).startsWith("{\"answer\":\"Agent ").contains("\"backend\":\"offline\"");

            Run tooLong = run("ask", "--url", agent.baseUrl(), "--token-file", token.toString(), "x".repeat(3000));
            assertThat(tooLong.code()).isEqualTo(2);
            assertThat(tooLong.err()).contains("error: 400 bad parameter: question: longer than 2000 characters");

            Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-token-0123456789");
            assertThat(run("ask", "--url", agent.baseUrl(), "--token-file", wrong.toString(), "hi").err()).contains("401 unauthorized");
        }
        Run down = run("ask", "--url", "http://127.0.0.1:9", "--token-file", dir.resolve("token").toString(), "hi");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("no agent at http://127.0.0.1:9");
    }
}
