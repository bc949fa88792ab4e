package io.smartcloudops.console.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A screen's toolbar: its items wrap onto a second line when the window is narrow, and none of them is
 * ever cut to "..." (each keeps at least its preferred width; text fields may shrink to a minimum).
 */
public final class Toolbar extends FlowPane {

    public Toolbar(Node... items) {
        super(10, 4);
        getStyleClass().add("screen-toolbar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 8, 6, 8));
        for (Node n : items) {
            keepWhole(n);
            getChildren().add(n);
        }
    }

    /** Items that wrap together, e.g. a label and the box it names. */
    public static HBox group(Node... items) {
        HBox box = new HBox(6, items);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : items) {
            keepWhole(n);
        }
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static void keepWhole(Node n) {
        if (n instanceof TextField t) {
            t.setMinWidth(120);
        } else if (n instanceof Control c) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        } else if (n instanceof Region r) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }
}
