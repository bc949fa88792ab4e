package io.smartcloudops.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the agent's command line in-process with a given environment, capturing what it prints. */
public final class CliRunner {

    /** Exit code and output of one run. */
    public record Result(int exit, String out, String err) {
    }

    private CliRunner() {
    }

    public static Result run(Map<String, String> environment, String... args) {
        CommandLine cli = AgentMain.commandLine(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
