package io.smartcloudops.console.connection;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Settings screen; binds to {@link SettingsViewModel}. */
public final class SettingsView extends ScrollPane {

    public SettingsView(SettingsViewModel vm, String currentEndpoint, Consumer<ConsoleSettings> onApplied) {
        setId("settings");
        setFitToWidth(true);
        Label title = new Label("Settings");
        title.getStyleClass().add("screen-title");

        ToggleGroup modeGroup = new ToggleGroup();
        RadioButton embedded = new RadioButton("Embedded agent watching this machine (no setup)");
        embedded.setId("mode-embedded");
        RadioButton remote = new RadioButton("Remote agent");
        remote.setId("mode-remote");
        embedded.setToggleGroup(modeGroup);
        remote.setToggleGroup(modeGroup);
        embedded.setSelected(vm.modeProperty().get() == ConsoleSettings.Mode.EMBEDDED);
        remote.setSelected(vm.modeProperty().get() == ConsoleSettings.Mode.REMOTE);
        modeGroup.selectedToggleProperty().addListener((o, a, b) -> vm.modeProperty().set(
                b == remote ? ConsoleSettings.Mode.REMOTE : ConsoleSettings.Mode.EMBEDDED));
        vm.modeProperty().addListener((o, a, b) -> (b == ConsoleSettings.Mode.REMOTE ? remote : embedded).setSelected(true));

        TextField url = new TextField();
        url.setId("agent-url");
        url.setPromptText("http://10.0.1.5:8080");
        url.textProperty().bindBidirectional(vm.urlProperty());
        PasswordField token = new PasswordField();
        token.setId("agent-token");
        token.setPromptText("paste a viewer or operator token (empty keeps the saved one)");
        token.textProperty().bindBidirectional(vm.tokenProperty());
        url.disableProperty().bind(vm.modeProperty().isEqualTo(ConsoleSettings.Mode.EMBEDDED));
        token.disableProperty().bind(url.disableProperty());
        Label urlError = error(vm.urlErrorProperty());
        urlError.setId("agent-url-error");
        Label tokenError = error(vm.tokenErrorProperty());
        tokenError.setId("agent-token-error");
        Label tokenWhere = new Label(vm.tokenLocation());
        tokenWhere.setId("token-location");
        tokenWhere.setWrapText(true);
        tokenWhere.getStyleClass().add("empty-hint");

        ToggleGroup themeGroup = new ToggleGroup();
        RadioButton dark = new RadioButton("Dark");
        dark.setId("theme-dark");
        RadioButton light = new RadioButton("Light");
        light.setId("theme-light");
        dark.setToggleGroup(themeGroup);
        light.setToggleGroup(themeGroup);
        dark.setSelected(vm.themeProperty().get() == ConsoleSettings.Theme.DARK);
        light.setSelected(!dark.isSelected());
        themeGroup.selectedToggleProperty().addListener((o, a, b) -> vm.themeProperty().set(
                b == light ? ConsoleSettings.Theme.LIGHT : ConsoleSettings.Theme.DARK));
        vm.themeProperty().addListener((o, a, b) -> (b == ConsoleSettings.Theme.LIGHT ? light : dark).setSelected(true));

        Slider scale = new Slider(ConsoleSettings.MIN_FONT_SCALE, ConsoleSettings.MAX_FONT_SCALE, vm.fontScaleProperty().get());
        scale.setId("font-scale");
        scale.setMajorTickUnit(0.2);
        scale.setBlockIncrement(0.1);
        scale.setSnapToTicks(false);
        scale.setShowTickLabels(true);
        scale.valueProperty().bindBidirectional(vm.fontScaleProperty());
        Label scaleText = new Label();
        scaleText.textProperty().bind(vm.fontScaleProperty().multiply(100).asString("%.0f %%"));

        TextField refresh = new TextField();
        refresh.setId("refresh-interval");
        refresh.setPrefColumnCount(6);
        refresh.textProperty().bindBidirectional(vm.refreshProperty());
        Label refreshError = error(vm.refreshErrorProperty());
        refreshError.setId("refresh-interval-error");

        Button apply = new Button("Apply");
        apply.setId("settings-apply");
        apply.setDefaultButton(true);
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        apply.setOnAction(e -> {
            Optional<ConsoleSettings> s = vm.apply();
            s.ifPresent(onApplied);
        });

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int r = 0;
        grid.add(section("Connection"), 0, r++, 2, 1);
        grid.add(new Label("Now connected to " + currentEndpoint), 0, r++, 2, 1);
        grid.add(embedded, 0, r++, 2, 1);
        grid.add(remote, 0, r++, 2, 1);
        grid.add(new Label("Agent URL"), 0, r);
        grid.add(new VBox(2, url, urlError), 1, r++);
        grid.add(new Label("Token"), 0, r);
        grid.add(new VBox(2, token, tokenError), 1, r++);
        grid.add(tokenWhere, 0, r++, 2, 1);
        grid.add(section("Appearance"), 0, r++, 2, 1);
        grid.add(new Label("Theme (Ctrl+T)"), 0, r);
        grid.add(new HBox(12, dark, light), 1, r++);
        grid.add(new Label("Font size (Ctrl+= / Ctrl+-)"), 0, r);
        grid.add(new HBox(10, scale, scaleText), 1, r++);
        grid.add(section("Data"), 0, r++, 2, 1);
        grid.add(new Label("Status refresh"), 0, r);
        grid.add(new VBox(2, new HBox(8, refresh, new Label("1s to 5m; samples arrive live regardless")), refreshError), 1, r++);
        grid.add(new HBox(10, apply), 1, r++);
        grid.add(message, 0, r, 2, 1);
        url.setPrefColumnCount(32);

        VBox box = new VBox(10, title, grid);
        box.setPadding(new Insets(12));
        setContent(box);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("settings-section");
        return l;
    }

    private static Label error(javafx.beans.value.ObservableStringValue v) {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        l.textProperty().bind(v);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }
}
