package io.smartcloudops.console;

import javafx.application.Application;

/** Main class: a plain class, not the Application subclass, so JavaFX starts from the classpath. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
