package io.smartcloudops.console.shell;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Notifications (progress and results of actions, errors, news) in the navigation column, below its buttons: the one
 * place on every screen that holds nothing to read or click. Over the lower right corner they hid the anomaly
 * detail's reason and buttons at 1024x700, and the docked chat's question field at 1440x900. Newest at the bottom;
 * when the column has no room for them all, the oldest wait hidden (until they time out) rather than being cut.
 */
public final class Toasts extends Region {

    /** How a notification looks. */
    public enum Kind { INFO, SUCCESS, ERROR }

    private static final double SPACING = 6;

    public Toasts() {
        setId("toasts");
        setPadding(new Insets(0, 0, 6, 0));
    }

    /**
     * Shows {@code text} for a few seconds (errors stay longer), or until it is clicked.
     *
     * @return takes the notification away at once (when what it announced has been seen)
     */
    public Runnable show(Kind kind, String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll("toast", "toast-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        l.setTooltip(new Tooltip(text + "\n\nClick to dismiss."));
        getChildren().add(l);
        Runnable dismiss = () -> getChildren().remove(l);
        PauseTransition p = new PauseTransition(Duration.seconds(kind == Kind.ERROR ? 12 : 6));
        p.setOnFinished(e -> dismiss.run());
        p.play();
        l.setOnMouseClicked(e -> dismiss.run());
        return dismiss;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // as wide as the column: never widens it
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = width < 0 ? getWidth() : width;
        double h = 0;
        for (Node n : getManagedChildren()) {
            h += n.prefHeight(w - in.getLeft() - in.getRight()) + SPACING;
        }
        return in.getTop() + in.getBottom() + Math.max(0, h - SPACING);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double bottom = getHeight() - in.getBottom();
        boolean room = true;
        List<Node> kids = getManagedChildren();
        for (int i = kids.size() - 1; i >= 0; i--) {
            Node n = kids.get(i);
            double h = n.prefHeight(w);
            room = room && bottom - h >= in.getTop();
            n.setVisible(room);
            if (room) {
                n.resizeRelocate(in.getLeft(), bottom - h, w, h);
                bottom -= h + SPACING;
            }
        }
    }
}
