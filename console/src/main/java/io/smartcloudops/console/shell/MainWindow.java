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
 * The window's layout: title bar with the connection, the banner, navigation on the left with the notifications
 * below its buttons, the current screen in the middle, the chat docked on the right, the help overlay on top.
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
    private final ToggleButton chatToggle = new ToggleButton("Chat");
    /** Below this window width the chat is not docked (it would squeeze the screens) but opens as a drawer. */
    public static final double CHAT_DOCK_MIN_WIDTH = 1200;
    private boolean chatShown = true;
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
        helpHint.setMinWidth(USE_PREF_SIZE);
        endpoint.setMinWidth(0);
        brand.setMinWidth(USE_PREF_SIZE);
        dot.setMinWidth(USE_PREF_SIZE);
        chatToggle.setId("chat-toggle");
        chatToggle.setMinWidth(USE_PREF_SIZE);
        chatToggle.setTooltip(new Tooltip("Show or hide the chat (Ctrl+Shift+K); Ctrl+K asks a question"));
        chatToggle.setSelected(true);
        chatToggle.setOnAction(e -> showChat(chatToggle.isSelected()));
        HBox titleBar = new HBox(10, brand, spacer, dot, endpoint, helpHint, chatToggle);
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
        // notifications below the navigation's buttons: over the screens they hid what was being read
        BorderPane navColumn = new BorderPane(toasts, navBox, null, null, null);
        navColumn.getStyleClass().add("nav");
        BorderPane.setMargin(toasts, new Insets(0, 6, 0, 6));

        main.setTop(new VBox(titleBar, new Banner(connection)));
        main.setLeft(navColumn);
        main.setCenter(content);
        main.setRight(chat);
        content.getStyleClass().add("content");
        getChildren().add(main);
        show(Screen.DASHBOARD);
        // a narrow window closes the chat (it opens again as a drawer); widening docks it again
        widthProperty().addListener((o, a, b) -> {
            boolean wasNarrow = a.doubleValue() > 0 && a.doubleValue() < CHAT_DOCK_MIN_WIDTH;
            boolean narrow = b.doubleValue() < CHAT_DOCK_MIN_WIDTH;
            if (narrow != wasNarrow || a.doubleValue() == 0) {
                showChat(!narrow);
            }
        });
    }

    /** Whether the chat is docked beside the screens (false when closed or open as a drawer). */
    public boolean chatDocked() {
        return main.getRight() == chat;
    }

    public boolean chatShown() {
        return chatShown;
    }

    /**
     * Shows or hides the chat: docked on the right when the window is wide enough, else as a drawer over
     * the right edge of the screen (so the screens keep their width).
     */
    public void showChat(boolean on) {
        chatShown = on;
        chatToggle.setSelected(on);
        main.setRight(null);
        getChildren().remove(chat);
        if (!on) {
            return;
        }
        if (getWidth() == 0 || getWidth() >= CHAT_DOCK_MIN_WIDTH) {
            main.setRight(chat);
        } else {
            StackPane.setAlignment(chat, Pos.TOP_RIGHT);
            StackPane.setMargin(chat, new Insets(main.getTop() == null ? 0 : ((Region) main.getTop()).getHeight(), 0, 0, 0));
            if (chat instanceof Region r) {
                r.setMaxWidth(Region.USE_PREF_SIZE);
                r.getStyleClass().add("chat-drawer");
            }
            getChildren().add(getChildren().indexOf(main) + 1, chat); // below the help and the confirm dialog
        }
    }

    /** Shows a screen. */
    public void show(Screen s) {
        current.set(s);
        Node n = screens.get(s);
        content.getChildren().setAll(n);
        navButtons.get(s).setSelected(true);
    }

    /** A count beside a screen's name in the navigation (hidden at 0): e.g. new anomalies not yet seen. */
    public void badge(Screen s, javafx.beans.value.ObservableIntegerValue count) {
        Label badge = new Label();
        badge.setId("nav-badge-" + s.name().toLowerCase(java.util.Locale.ROOT));
        badge.getStyleClass().add("nav-badge");
        badge.textProperty().bind(javafx.beans.binding.Bindings.convert(count));
        badge.visibleProperty().bind(javafx.beans.binding.Bindings.greaterThan(count, 0));
        ToggleButton b = navButtons.get(s);
        b.setGraphic(badge);
        b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        b.setGraphicTextGap(8);
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current;
    }

    public Toasts toasts() {
        return toasts;
    }

    /** Shows or hides the chat pane. */
    public void toggleChat() {
        showChat(!chatShown);
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
                    if (!chatShown) {
                        showChat(true);
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
            } else if (e.getCode() == KeyCode.ESCAPE && chatShown && !chatDocked() && within(scene.getFocusOwner(), chat)) {
                // the drawer lies over the screen's right side (at 1024 px the on-call pane): Escape closes it as it
                // closes the help, and the screen gets the keyboard back
                showChat(false);
                content.requestFocus();
                e.consume();
            }
        });
    }

    private static boolean within(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    public List<Shortcut> shortcuts() {
        return List.copyOf(shortcuts);
    }
}
