package io.smartcloudops.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The console's command line: {@code [--source SPEC] [--bind HOST:PORT] [--settings-dir DIR]
 * [--report-startup] [--exit-after-first-frame] [--report-pulses FILE] [--report-controls FILE]}.
 *
 * @param source               the embedded agent's source (default {@code local}: this machine)
 * @param bind                 the embedded agent's address (default 127.0.0.1:8080, else a free port)
 * @param settingsDir          where settings live (default the user's config directory)
 * @param reportStartup        print the time from process start to the first chart with live data
 * @param exitAfterFirstFrame  quit after that first frame (start-up benchmark)
 * @param pulseReport          where to append, once a minute, the intervals between JavaFX pulses (soak benchmark)
 * @param controlsReport       where to write, when F12 is pressed, where the window's controls are (scripts that
 *                             drive the console with xdotool: {@link io.smartcloudops.console.shell.ControlsReport})
 */
public record ConsoleOptions(Optional<String> source, Optional<String> bind, Optional<Path> settingsDir,
                             boolean reportStartup, boolean exitAfterFirstFrame, Optional<Path> pulseReport,
                             Optional<Path> controlsReport) {

    public static final String USAGE = """
            Usage: smartcloudops-console [--source SPEC] [--bind HOST:PORT] [--settings-dir DIR] [--report-startup]
              --source SPEC        the embedded agent's source: local (default), prometheus:URL,
                                   node-exporter:URL[,URL...], replay:CSV[?speed=N]
              --bind HOST:PORT     the embedded agent's address (default 127.0.0.1:8080, else a free port)
              --settings-dir DIR   settings directory (default ~/.config/smartcloudops)
              --report-startup     print the time from start to the first chart with live data
              --report-pulses FILE append the intervals between screen updates to FILE once a minute
              --report-controls FILE
                                   on F12, write where each control is on the screen to FILE (for scripts)
            With a remote agent chosen in Settings, --source and --bind are not used.""";

    public static ConsoleOptions parse(List<String> args) {
        String source = null;
        String bind = null;
        Path dir = null;
        boolean report = false;
        boolean exit = false;
        Path pulses = null;
        Path controls = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--source" -> source = value(args, ++i, a);
                case "--bind" -> bind = value(args, ++i, a);
                case "--settings-dir" -> dir = Path.of(value(args, ++i, a));
                case "--report-startup" -> report = true;
                case "--report-pulses" -> pulses = Path.of(value(args, ++i, a));
                case "--report-controls" -> controls = Path.of(value(args, ++i, a));
                case "--exit-after-first-frame" -> {
                    report = true;
                    exit = true;
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        return new ConsoleOptions(Optional.ofNullable(source), Optional.ofNullable(bind), Optional.ofNullable(dir), report, exit,
                Optional.ofNullable(pulses), Optional.ofNullable(controls));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }
}
