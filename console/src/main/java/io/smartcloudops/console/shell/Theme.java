package io.smartcloudops.console.shell;

import io.smartcloudops.console.connection.ConsoleSettings;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Scene;

/** Applies the colour theme (a stylesheet) and the font scale (the root font size) to a scene. */
public final class Theme {

    /** Base font size in pixels at 100 %. */
    public static final double BASE_FONT = 13;

    private Theme() {
    }

    public static void apply(Scene scene, ConsoleSettings.Theme theme, double fontScale) {
        String base = stylesheet("console.css");
        String colours = stylesheet(theme == ConsoleSettings.Theme.DARK ? "dark.css" : "light.css");
        scene.getStylesheets().setAll(base, colours);
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize(fontScale)));
    }

    public static double fontSize(double fontScale) {
        return BASE_FONT * fontScale;
    }

    private static String stylesheet(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
    }
}
