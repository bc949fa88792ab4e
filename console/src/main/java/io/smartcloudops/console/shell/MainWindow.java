package io.smartcloudops.console.shell;

import io.smartcloudops.console.connection.ConnectionState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's layout: title bar with the connection, the banner, navigation on the left, the current
 * screen in the middle, the chat docked on the right, notifications and the help overlay on top.
 */
public final class MainWindow extends StackPane {

    private final Map<Screen, Node> screens;
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>(this, "current", Screen.DASHBOARD);
    private final Node chat;
    private final Runnable focusChat;
    private final Toasts toasts = new Toasts();
    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final BorderPane main = new BorderPane();
    private HelpOverlay help;

    /**
     * @param screens    the content of each screen
     * @param chat       the chat pane, docked beside every screen
     * @param focusChat  puts the cursor into the chat's question field
     * @param connection the agent link, for the banner and the title bar
     * @param endpointText what the title bar says about the agent (URL, embedded or remote)
     */
    public MainWindow(Map<Screen, Node> screens, Node chat, Runnable focusChat,
                      ReadOnlyObjectProperty<ConnectionState> connection, String endpointText) {
        this.screens = screens;
        this.chat = chat;
        this.focusChat = focusChat;
        setId("main-window");
        Label brand = new Label("Smart Cloud Ops AI");
        brand.getStyleClass().add("brand");
        Label endpoint = new Label(endpointText);
        endpoint.setId("endpoint-label");
        endpoint.getStyleClass().add("endpoint");
        Label dot = new Label("●");
        dot.setId("connection-dot");
        connection.addListener((o, a, b) -> dot.getStyleClass().setAll("label", b.isConnected() ? "dot-ok" : "dot-bad"));
        dot.getStyleClass().add(connection.get().isConnected() ? "dot-ok" : "dot-bad");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label helpHint = new Label("F1 help");
        helpHint.getStyleClass().add("endpoint");
        HBox titleBar = new HBox(10, brand, spacer, dot, endpoint, helpHint);
        titleBar.getStyleClass().add("title-bar");
        titleBar.setAlignment(Pos.CENTER_LEFT);
        titleBar.setPadding(new Insets(6, 12, 6, 12));

        VBox navBox = new VBox(2);
        navBox.getStyleClass().add("nav");
        navBox.setPadding(new Insets(8, 6, 8, 6));
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            b.setTooltip(new Tooltip(s.title() + " (" + s.shortcut().getDisplayText() + ")"));
            b.setOnAction(e -> show(s));
            navButtons.put(s, b);
            navBox.getChildren().add(b);
        }
        navBox.setPrefWidth(150);

        main.setTop(new VBox(titleBar, new Banner(connection)));
        main.setLeft(navBox);
        main.setCenter(content);
        main.setRight(chat);
        content.getStyleClass().add("content");
        StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toasts, new Insets(12));
        getChildren().addAll(main, toasts);
        show(Screen.DASHBOARD);
    }

    /** Shows a screen. */
    public void show(Screen s) {
        current.set(s);
        Node n = screens.get(s);
        content.getChildren().setAll(n);
        navButtons.get(s).setSelected(true);
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current;
    }

    public Toasts toasts() {
        return toasts;
    }

    /** Shows or hides the chat pane (the dock on the right). */
    public void toggleChat() {
        main.setRight(main.getRight() == null ? chat : null);
    }

    public void toggleHelp() {
        if (help != null && getChildren().contains(help)) {
            getChildren().remove(help);
            help = null;
        } else {
            help = new HelpOverlay(shortcuts, this::toggleHelp);
            getChildren().add(help);
        }
    }

    private javafx.scene.Node overlay;

    /** Shows a modal layer over the window (the confirm dialog); replaces the one shown. */
    public void showOverlay(javafx.scene.Node n) {
        hideOverlay();
        overlay = n;
        getChildren().add(n);
        n.requestFocus();
    }

    public void hideOverlay() {
        if (overlay != null) {
            getChildren().remove(overlay);
            overlay = null;
        }
    }

    public boolean helpShown() {
        return help != null;
    }

    /**
     * Installs the shortcuts on the scene: the global ones built here plus the screens' own.
     *
     * @param extra shortcuts of screens and app-level actions (theme, font size, refresh)
     */
    public void installShortcuts(Scene scene, List<Shortcut> extra) {
        shortcuts.clear();
        for (Screen s : Screen.values()) {
            shortcuts.add(new Shortcut(s.shortcut(), "Show " + s.title(), "everywhere", () -> show(s)));
        }
        shortcuts.add(new Shortcut(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                "Focus the chat question", "everywhere", () -> {
                    if (main.getRight() == null) {
                        main.setRight(chat);
                    }
                    focusChat.run();
                }));
        shortcuts.add(new Shortcut(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Show or hide the chat pane", "everywhere", this::toggleChat));
        shortcuts.add(new Shortcut(new KeyCodeCombination(KeyCode.F1), "Show or hide this help", "everywhere", this::toggleHelp));
        shortcuts.add(new Shortcut(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN),
                "Show or hide this help", "everywhere", this::toggleHelp));
        shortcuts.addAll(extra);
        for (Shortcut s : shortcuts) {
            scene.getAccelerators().put(s.keys(), s.run());
        }
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && helpShown()) {
                toggleHelp();
                e.consume();
            }
        });
    }

    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }
}
