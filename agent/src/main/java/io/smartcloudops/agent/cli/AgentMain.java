package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.AgentVersion;
import io.smartcloudops.agent.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The commands, in the order help lists them. Built by name rather than listed in {@code @Command}: picocli
     * reads every listed command's annotations by reflection when the command line is made, in the interpreter
     * (its classes are too old a class-file version for the AOT cache), which took a third of the agent's start
     * (docs/benchmarks.md, cold start). A command line for {@code serve} makes only that one.
     */
    static final List<String> COMMANDS = List.of("serve", "ask", "remediate", "audit", "export", "train", "evaluate",
            "detect", "help");

    /**
     * A new command object by name. A switch, not a map of constructor references: a lambda that names picocli's
     * HelpCommand made the JDK's AOT cache writer abort (JDK 25.0.3: an archived lambda pointing at a class the
     * cache leaves out because of its old class-file version), so the agent would start without a cache.
     */
    static Object command(String name) {
        return switch (name) {
            case "serve" -> new ServeCommand();
            case "ask" -> new AskCommand();
            case "remediate" -> new RemediateCommand();
            case "audit" -> new AuditCommand();
            case "export" -> new ExportCommand();
            case "train" -> new TrainCommand();
            case "evaluate" -> new EvaluateCommand();
            case "detect" -> new DetectCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        boolean oneCommand = args.length > 0 && COMMANDS.contains(args[0]) && !args[0].equals("help");
        CommandLine cli = commandLine(System.getenv(), oneCommand ? Set.of(args[0]) : Set.copyOf(COMMANDS));
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, Set.copyOf(COMMANDS));
    }

    /** The command line with the named commands only (the rest are unknown to it). */
    static CommandLine commandLine(Map<String, String> environment, Set<String> commands) {
        CommandLine cli = new CommandLine(new AgentMain(environment));
        for (String name : COMMANDS) {
            if (commands.contains(name)) {
                cli.addSubcommand(name, command(name));
            }
        }
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
