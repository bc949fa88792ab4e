package io.smartcloudops.console.shell;

import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Shows a screen only when the connected agent serves the route it needs (as listed in its
 * {@code /openapi.yaml}); otherwise says plainly that this agent does not offer the feature, rather
 * than showing an empty table or invented data.
 */
public final class FeatureGate extends StackPane {

    /** Whether {@code path} is offered, or unknown while the agent has not answered yet. */
    public static String availability(Set<String> offered, String path) {
        if (offered.isEmpty()) {
            return "unknown";
        }
        return offered.contains(path) ? "offered" : "absent";
    }

    /**
     * @param offered     the agent's paths (empty until known)
     * @param path        the route the feature needs, e.g. {@code /remediations}
     * @param feature     the feature in words, e.g. {@code remediation}
     * @param content     the screen when offered
     */
    public FeatureGate(ReadOnlyObjectProperty<Set<String>> offered, String path, String feature, Node content) {
        Label title = new Label(Character.toUpperCase(feature.charAt(0)) + feature.substring(1));
        title.getStyleClass().add("screen-title");
        Label text = new Label();
        text.setId("not-offered-" + path.replace("/", ""));
        text.setWrapText(true);
        VBox box = new VBox(10, title, text);
        box.getStyleClass().add("not-offered");
        box.setMaxSize(560, VBox.USE_PREF_SIZE);
        StackPane notOffered = new StackPane(box);
        notOffered.setAlignment(Pos.TOP_CENTER);
        notOffered.setStyle("-fx-padding: 3em;");
        Runnable update = () -> {
            String a = availability(offered.get(), path);
            switch (a) {
                case "offered" -> getChildren().setAll(content);
                case "absent" -> {
                    text.setText("The connected agent does not offer " + feature + " yet: its API has no "
                            + path + " route. Connect to an agent version that has it (Settings, Ctrl+,); nothing"
                            + " is shown here rather than made-up data.");
                    getChildren().setAll(notOffered);
                }
                default -> {
                    text.setText("Waiting for the agent to say which features it offers...");
                    getChildren().setAll(notOffered);
                }
            }
        };
        offered.addListener((o, a, b) -> update.run());
        update.run();
    }
}
