package io.smartcloudops.console.shell;

import io.smartcloudops.console.connection.ConnectionState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The strip under the title bar that says when the agent cannot be reached, and why. Hidden while connected. */
final class Banner extends HBox {

    private final Label text = new Label();

    Banner(ReadOnlyObjectProperty<ConnectionState> state) {
        setId("connection-banner");
        getStyleClass().add("banner");
        text.setId("connection-banner-text");
        text.setWrapText(true);
        getChildren().add(text);
        setPadding(new Insets(6, 12, 6, 12));
        show(state.get());
        state.addListener((o, a, b) -> show(b));
    }

    private void show(ConnectionState s) {
        boolean visible = !s.isConnected();
        setVisible(visible);
        setManaged(visible);
        text.setText(s.detail());
        getStyleClass().removeAll("banner-error", "banner-info");
        getStyleClass().add(s.kind() == ConnectionState.Kind.CONNECTING ? "banner-info" : "banner-error");
    }
}
