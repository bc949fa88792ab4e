package io.smartcloudops.console.connection;

import io.smartcloudops.agent.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the console says when its embedded agent cannot start: the error, the {@code agent.yaml} it read, and
 * how to fix it or see the same error from the agent alone ({@code ./run.sh --agent-only} reads no file unless
 * given {@code --config}). A configuration error is expected, so it is logged as one line without a stack trace.
 *
 * @param text     for the window
 * @param logLine  for the log
 * @param expected a configuration error (log without a stack trace) rather than a fault
 */
public record EmbeddedAgentFailure(String text, String logLine, boolean expected) {

    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_@%+=:,./~-]+");

    /**
     * @param configFile   the agent.yaml the embedded agent reads when it exists
     * @param overrides    the console's options for the embedded agent ({@code source.spec}, {@code server.bind})
     * @param settingsFile the console's settings file, where a remote agent can be chosen instead
     */
    public static EmbeddedAgentFailure of(RuntimeException e, Path configFile, Map<String, String> overrides,
                                          Path settingsFile) {
        boolean fileRead = configFile != null && Files.isRegularFile(configFile);
        boolean configError = isConfigError(e);
        String alone = "./run.sh --agent-only" + (fileRead ? " --config " + argument(configFile.toString()) : "")
                + option("--source", overrides.get("source.spec")) + option("--bind", overrides.get("server.bind"));
        StringBuilder text = new StringBuilder("The embedded agent could not start: ").append(e.getMessage()).append("\n\n");
        if (configError && fileRead) {
            text.append("It read its settings from ").append(configFile).append(": correct the setting there (or move the")
                    .append(" file away to start without it) and start the console again. To see the same error from the")
                    .append(" agent alone, run ").append(alone);
        } else if (configError) {
            text.append("It read no agent.yaml (there is none at ").append(configFile).append("), so the setting comes from")
                    .append(" the environment (SMARTCLOUDOPS_*) or the console's options. To see the same error from the")
                    .append(" agent alone, run ").append(alone);
        } else {
            text.append("To see the agent's own error, run ").append(alone);
        }
        text.append("\n\nOr choose a remote agent in ").append(settingsFile).append(" (mode=remote, remote_url=...).");
        String log = "the embedded agent could not start: " + e.getMessage()
                + (fileRead ? " (settings read from " + configFile + ")" : "");
        return new EmbeddedAgentFailure(text.toString(), log, configError);
    }

    private static boolean isConfigError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException) {
                return true;
            }
        }
        return false;
    }

    private static String option(String name, String value) {
        return value == null ? "" : " " + name + " " + argument(value);
    }

    /** As a shell word: quoted when it holds anything a shell would read differently. */
    private static String argument(String s) {
        return PLAIN_ARGUMENT.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
