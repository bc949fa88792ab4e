package io.smartcloudops.console.shell;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Turns off the bitmap cache JavaFX's ScrollPane skin keeps of its viewport, in every scroll pane of a
 * scene (the console's own, and those inside text areas and dialogs).
 *
 * <p>Why: on the software pipeline (no GPU: Xvfb, VMs, remote desktops) each cache is a heap bitmap as
 * large as the viewport, and every resize makes another. In the console soak benchmark with 20 hosts, six
 * of them held 25 MB of a 113 MB live heap ({@code CacheFilter.cachedImageData} in a heap dump), and the
 * charts and lists inside them change every second, so the cache is redrawn anyway.
 */
public final class ViewportCaching {

    /** How often at most the scene is walked (a walk of a few thousand nodes costs well under a millisecond). */
    private static final long EVERY_NANOS = 500_000_000L;

    private ViewportCaching() {
    }

    /** Keeps viewport caches off in {@code scene}, for nodes added later too. */
    public static void offIn(Scene scene) {
        long[] last = {0};
        scene.addPostLayoutPulseListener(() -> {
            long now = System.nanoTime();
            if (now - last[0] >= EVERY_NANOS && scene.getRoot() != null) {
                last[0] = now;
                off(scene.getRoot());
            }
        });
    }

    /** Turns the caches off below {@code node} now. */
    public static void off(Node node) {
        if (node.getStyleClass().contains("viewport") && node.isCache()) {
            node.setCache(false);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                off(child);
            }
        }
    }
}
