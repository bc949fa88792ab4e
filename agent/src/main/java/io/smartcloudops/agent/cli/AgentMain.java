package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.AgentVersion;
import io.smartcloudops.agent.config.ConfigException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar smartcloudops-agent.jar <command>}. Exit codes: 0 ok, 1 runtime failure, 2 bad usage
 * (unknown option, bad configuration, missing input file).
 */
@Command(name = "smartcloudops-agent",
        mixinStandardHelpOptions = true,
        versionProvider = AgentMain.Version.class,
        description = "Smart Cloud Ops AI agent: collects host metrics, detects anomalies, remediates safely, answers questions.",
        subcommands = {ServeCommand.class, AskCommand.class, RemediateCommand.class, AuditCommand.class, ExportCommand.class,
                TrainCommand.class, EvaluateCommand.class, DetectCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure", "2:bad usage (options, configuration, input files)"})
public final class AgentMain implements Runnable {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    AgentMain(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment the commands read their secrets and overrides from (the process's; tests give their own). */
    Map<String, String> environment() {
        return environment;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new AgentMain(environment));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ConfigException || e instanceof UsageException) {
                err.println("error: " + e.getMessage());
                return USAGE;
            }
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("SMARTCLOUDOPS_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return FAILURE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smartcloudops-agent " + AgentVersion.get(), "Java " + Runtime.version()};
        }
    }
}
