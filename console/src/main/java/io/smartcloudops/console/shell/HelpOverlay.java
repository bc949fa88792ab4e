package io.smartcloudops.console.shell;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard help (F1 or Ctrl+/): every shortcut, where it works, and how to close it. */
final class HelpOverlay extends StackPane {

    HelpOverlay(List<Shortcut> shortcuts, Runnable close) {
        setId("help-overlay");
        getStyleClass().add("help-overlay");
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        grid.add(header("Keys"), 0, 0);
        grid.add(header("Action"), 1, 0);
        grid.add(header("Where"), 2, 0);
        int row = 1;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.keysText());
            keys.getStyleClass().add("help-keys");
            grid.add(keys, 0, row);
            grid.add(new Label(s.action()), 1, row);
            grid.add(new Label(s.scope()), 2, row);
            row++;
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("screen-title");
        Label hint = new Label("Esc or F1 closes this help. On macOS, Ctrl means Cmd.");
        hint.getStyleClass().add("empty-hint");
        VBox card = new VBox(10, title, grid, hint);
        card.getStyleClass().add("help-card");
        card.setPadding(new Insets(18));
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close.run();
            }
        });
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("help-header");
        return l;
    }
}
