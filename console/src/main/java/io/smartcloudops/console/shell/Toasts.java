package io.smartcloudops.console.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Notifications in the window's lower right corner: progress and results of actions, errors. */
public final class Toasts extends VBox {

    /** How a notification looks. */
    public enum Kind { INFO, SUCCESS, ERROR }

    public Toasts() {
        setId("toasts");
        setSpacing(6);
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /** Shows {@code text} for a few seconds (errors stay longer). */
    public void show(Kind kind, String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(420);
        l.getStyleClass().addAll("toast", "toast-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        getChildren().add(l);
        PauseTransition p = new PauseTransition(Duration.seconds(kind == Kind.ERROR ? 12 : 6));
        p.setOnFinished(e -> getChildren().remove(l));
        p.play();
        l.setOnMouseClicked(e -> getChildren().remove(l));
    }
}
