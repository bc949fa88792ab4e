package io.smartcloudops.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AgentMainTest {

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
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpOnEveryCommandExitsZero() {
        Run top = run("--help");
        assertThat(top.code()).isZero();
        assertThat(top.out()).contains("serve").contains("Exit codes");
        Run serve = run("serve", "--help");
        assertThat(serve.code()).isZero();
        assertThat(serve.out()).contains("--source").contains("--bind").contains("--config").contains("--logs-dir");
        assertThat(run("--version").out()).contains("smartcloudops-agent");
    }

    @Test
    void everyCommandIsKnownByItsOwnNameAndAServeCommandLineMakesOnlyServe() {
        AgentMain.COMMANDS.forEach(name ->
                assertThat(new CommandLine(AgentMain.command(name)).getCommandName()).as("the name in @Command").isEqualTo(name));
        assertThat(AgentMain.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(AgentMain.COMMANDS);
        assertThat(AgentMain.commandLine(java.util.Map.of(), java.util.Set.of("serve")).getSubcommands().keySet())
                .containsExactly("serve");
    }

    @Test
    void badUsageExitsTwoWithAClearMessage() throws Exception {
        Run unknown = run("serve", "--sauce", "local");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown options: '--sauce'");

        Run noCommand = run();
        assertThat(noCommand.code()).isEqualTo(2);
        assertThat(noCommand.err()).contains("a command is required");

        Run badSource = run("serve", "--source", "graphite:x", "--bind", "127.0.0.1:0");
        assertThat(badSource.code()).isEqualTo(2);
        assertThat(badSource.err()).contains("error: source.spec: unknown source 'graphite:x'");

        Path yaml = Files.writeString(dir.resolve("agent.yaml"), "source:\n  interval: soon\n");
        Run badConfig = run("serve", "--config", yaml.toString());
        assertThat(badConfig.code()).isEqualTo(2);
        assertThat(badConfig.err()).contains("error: source.interval: 'soon' is not a duration");

        Run missingReplay = run("serve", "--source", "replay:" + dir.resolve("missing.csv"), "--bind", "127.0.0.1:0");
        assertThat(missingReplay.code()).isEqualTo(2);
        assertThat(missingReplay.err()).contains("file not found");
        assertThat(missingReplay.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
