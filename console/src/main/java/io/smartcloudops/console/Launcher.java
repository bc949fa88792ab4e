package io.smartcloudops.console;

import java.util.List;
import javafx.application.Application;

/** Main class: a plain class, not the Application subclass, so JavaFX starts from the classpath. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> list = List.of(args);
        if (list.contains("--help") || list.contains("-h")) {
            System.out.println(ConsoleOptions.USAGE);
            return;
        }
        ConsoleOptions options = null;
        try {
            options = ConsoleOptions.parse(list);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        if (options.reportStartup()) {
            StartupClock.enable();
        }
        StartupClock.mark("main");
        ConsoleApp.prestart(options);
        Application.launch(ConsoleApp.class, args);
    }
}
