package io.smartcloudops.console.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The console's screens, in navigation order, each with its shortcut. */
public enum Screen {
    DASHBOARD("Dashboard", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN)),
    ANOMALIES("Anomalies", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN)),
    REMEDIATION("Remediation", new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN)),
    LOGS("Logs", new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN)),
    MODEL("Model", new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN)),
    SETTINGS("Settings", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));

    private final String title;
    private final KeyCombination shortcut;

    Screen(String title, KeyCombination shortcut) {
        this.title = title;
        this.shortcut = shortcut;
    }

    public String title() {
        return title;
    }

    public KeyCombination shortcut() {
        return shortcut;
    }
}
