package io.smartcloudops.console.shell;

import javafx.geometry.Rectangle2D;
import javafx.stage.Window;

/**
 * The size the console's window opens at: its preferred 1280x800, or the screen's usable area when that is smaller
 * (a 1366x768 laptop or a 1024x700 remote desktop), so that no part of the window, the navigation on the left or the
 * chat on the right, opens off the screen.
 */
public record InitialWindowSize(double width, double height) {

    public static final double PREFERRED_WIDTH = 1280;
    public static final double PREFERRED_HEIGHT = 800;

    /** The window for a screen whose usable area (without task bars and docks) is {@code visualBounds}. */
    public static InitialWindowSize forScreen(Rectangle2D visualBounds) {
        return new InitialWindowSize(fit(PREFERRED_WIDTH, visualBounds.getWidth()), fit(PREFERRED_HEIGHT, visualBounds.getHeight()));
    }

    private static double fit(double preferred, double available) {
        return available > 0 ? Math.min(preferred, available) : preferred;
    }

    /**
     * Once shown, shrinks and moves the window so that it lies inside {@code visualBounds} with its decorations (the
     * title bar a window manager adds is only known then).
     */
    public static void keepOnScreen(Window window, Rectangle2D visualBounds) {
        if (visualBounds.getWidth() <= 0 || visualBounds.getHeight() <= 0) {
            return;
        }
        if (window.getWidth() > visualBounds.getWidth()) {
            window.setWidth(visualBounds.getWidth());
        }
        if (window.getHeight() > visualBounds.getHeight()) {
            window.setHeight(visualBounds.getHeight());
        }
        window.setX(clamp(window.getX(), visualBounds.getMinX(), visualBounds.getMaxX() - window.getWidth()));
        window.setY(clamp(window.getY(), visualBounds.getMinY(), visualBounds.getMaxY() - window.getHeight()));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
