package io.smartcloudops.console.fx;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * JavaFX's rule that the scene graph, and every list a control shows, changes only on the JavaFX thread. Broken, it
 * fails later and elsewhere (CI: an IndexOutOfBoundsException in Parent.updateCachedBounds during a pulse); checked,
 * it fails at the change that broke it. The list checks are on when the system property
 * {@value #PROPERTY} is {@code true}, as in the console's tests.
 */
public final class FxThread {

    public static final String PROPERTY = "smartcloudops.console.checkFxThread";
    private static final boolean CHECKING = Boolean.getBoolean(PROPERTY);

    private FxThread() {
    }

    /** Fails unless called on the JavaFX thread. */
    public static void require(String what) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException(what + " must run on the JavaFX thread, not on " + Thread.currentThread().getName());
        }
    }

    /**
     * Returns {@code list}, the items of a control; while checking, a change to it from another thread fails there (an
     * Error, which JavaFX's listener plumbing does not swallow as it does exceptions).
     */
    public static <T> ObservableList<T> shown(ObservableList<T> list, String control) {
        if (CHECKING) {
            list.addListener((ListChangeListener<T>) change -> {
                if (!Platform.isFxApplicationThread()) {
                    throw new AssertionError("the items of " + control + " changed on " + Thread.currentThread().getName()
                            + ", not on the JavaFX thread");
                }
            });
        }
        return list;
    }
}
