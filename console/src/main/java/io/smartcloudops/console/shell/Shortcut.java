package io.smartcloudops.console.shell;

import javafx.scene.input.KeyCombination;

/**
 * A keyboard shortcut: what to press, what it does, where it works. The one list of them
 * ({@link MainWindow#shortcuts()}) both installs the accelerators and fills the help overlay.
 *
 * @param keys   the key combination
 * @param action what it does, in words
 * @param scope  {@code everywhere} or the screen it belongs to
 * @param run    what runs
 */
public record Shortcut(KeyCombination keys, String action, String scope, Runnable run) {

    /** The keys as the help overlay shows them, e.g. {@code Ctrl+1}. */
    public String keysText() {
        return keys.getDisplayText();
    }
}
