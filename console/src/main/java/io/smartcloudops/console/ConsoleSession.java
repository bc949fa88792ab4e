package io.smartcloudops.console;

import io.smartcloudops.console.fx.FxThread;
import io.smartcloudops.console.anomalies.AnomaliesFeed;
import io.smartcloudops.console.anomalies.AnomaliesView;
import io.smartcloudops.console.anomalies.AnomaliesViewModel;
import io.smartcloudops.console.anomalies.VerdictActions;
import io.smartcloudops.console.anomalies.VerdictOverlay;
import io.smartcloudops.console.chat.ChatPane;
import io.smartcloudops.console.chat.ChatViewModel;
import io.smartcloudops.console.connection.AgentConnection;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.EmbeddedAgent;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.connection.SettingsView;
import io.smartcloudops.console.connection.SettingsViewModel;
import io.smartcloudops.console.dashboard.DashboardFeed;
import io.smartcloudops.console.dashboard.DashboardView;
import io.smartcloudops.console.dashboard.DashboardViewModel;
import io.smartcloudops.console.dashboard.TimeRange;
import io.smartcloudops.console.logs.LogsView;
import io.smartcloudops.console.logs.LogsViewModel;
import io.smartcloudops.console.model.ModelView;
import io.smartcloudops.console.oncall.OncallFeed;
import io.smartcloudops.console.oncall.OncallPane;
import io.smartcloudops.console.oncall.OncallViewModel;
import io.smartcloudops.console.oncall.Selection;
import io.smartcloudops.console.model.ModelViewModel;
import io.smartcloudops.console.chat.ChatFeed;
import io.smartcloudops.console.logs.LogsFeed;
import io.smartcloudops.console.model.ModelFeed;
import io.smartcloudops.console.remediation.AgentRemediationBackend;
import io.smartcloudops.console.remediation.AnomalyRemediation;
import io.smartcloudops.console.remediation.RemediationDialogs;
import io.smartcloudops.console.remediation.RemediationFeed;
import io.smartcloudops.console.remediation.RemediationView;
import io.smartcloudops.console.remediation.RemediationViewModel;
import io.smartcloudops.console.shell.FeatureGate;
import io.smartcloudops.console.shell.MainWindow;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.shell.Shortcut;
import io.smartcloudops.console.shell.Theme;
import io.smartcloudops.console.shell.Toasts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Everything the console shows for one agent connection: the connection, every screen's view-model and
 * view, and the window layout. Settings that change the connection close this session and open another.
 */
public final class ConsoleSession implements AutoCloseable {

    private final AgentConnection connection;
    private final Optional<EmbeddedAgent> embedded;
    private final DashboardViewModel dashboardVm;
    private final DashboardView dashboard;
    private final ChatViewModel chatVm;
    private final AnomaliesViewModel anomaliesVm;
    private final AnomaliesView anomaliesView;
    private final VerdictActions verdicts;
    private final OncallFeed oncallFeed;
    private final OncallViewModel oncallVm;
    private final RemediationViewModel remediationVm;
    private final LogsViewModel logsVm;
    private final RemediationView remediationView;
    private final SettingsViewModel settingsVm;
    private final MainWindow window;
    private final SettingsStore store;
    private ConsoleSettings settings;
    private Scene scene;

    /**
     * @param onSettingsApplied receives saved settings (the app reconnects when the connection changed)
     */
    public ConsoleSession(AgentEndpoint endpoint, Optional<EmbeddedAgent> embedded, ConsoleSettings settings,
                          SettingsStore store, Executor ui, Clock clock, Consumer<ConsoleSettings> onSettingsApplied) {
        this.embedded = embedded;
        this.settings = settings;
        this.store = store;
        this.connection = new AgentConnection(endpoint, ui);

        dashboardVm = new DashboardViewModel(clock, connection.stateProperty().get());
        new DashboardFeed(connection, dashboardVm).attach();
        dashboard = new DashboardView(dashboardVm);

        ModelViewModel modelVm = ModelFeed.attach(connection);

        chatVm = ChatFeed.attach(connection);
        ChatPane chat = new ChatPane(chatVm, action -> remediationVm().review(action.asPending()),
                id -> remediationVm().stateBinding(id));

        String where = endpoint.embedded() ? "embedded agent " + endpoint.url() : endpoint.url();
        settingsVm = new SettingsViewModel(store, settings,
                embedded.flatMap(EmbeddedAgent::tokenFile).map(Object::toString).orElse(""));
        settingsVm.themeProperty().addListener((o, a, b) -> applyAppearance(this.settings.withTheme(b)));
        settingsVm.fontScaleProperty().addListener((o, a, b) -> applyAppearance(this.settings.withFontScale(b.doubleValue())));

        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.DASHBOARD, dashboard);
        remediationVm = new RemediationViewModel(clock, new AgentRemediationBackend(connection),
                () -> java.util.UUID.randomUUID().toString());
        remediationVm.setConfigWhere(endpoint.embedded()
                ? EmbeddedAgent.configFile(store.dir()) + " (the embedded agent reads it when the console starts)"
                : "the agent's agent.yaml at " + endpoint.url());
        new RemediationFeed(connection, remediationVm).attach();
        remediationView = new RemediationView(remediationVm);
        screens.put(Screen.REMEDIATION, new FeatureGate(connection.offeredPathsProperty(), "/remediations", "remediation",
                remediationView));
        anomaliesVm = new AnomaliesViewModel(clock);
        new AnomaliesFeed(connection, anomaliesVm).attach();
        verdicts = new VerdictActions((id, verdict, note, ok, failed) -> connection.call(
                c -> verdict == null ? c.undoFeedback(id) : c.feedback(id, verdict, note), ok, e -> failed.accept(
                        e.error() == null ? e.getMessage() : e.error().detail())),
                anomaliesVm::applyEvent, text -> root().toasts().show(Toasts.Kind.INFO, text));
        anomaliesView = new AnomaliesView(anomaliesVm, new AnomalyRemediation(remediationVm, this::showRemediationFor), verdicts,
                verdictsBlocked());
        // Alerts, acknowledge and snooze (issue 16) beside the anomalies; shown when the agent offers /alerts.
        oncallFeed = new OncallFeed(connection);
        oncallVm = new OncallViewModel(oncallFeed);
        oncallFeed.attach(oncallVm);
        // an update of the anomaly being read sets it again (by way of null: the table drops its selection when the row
        // is replaced): that must not take the on-call pane's selection back from an alert picked since (Acknowledge
        // then acknowledged the anomaly, not the alert)
        String[] lastPicked = {null};
        anomaliesVm.selectedProperty().addListener((o, a, b) -> {
            boolean picked = b != null && !b.id().equals(lastPicked[0]);
            if (b != null) {
                lastPicked[0] = b.id();
            }
            boolean refreshed = b != null && oncallVm.selectionProperty().get() instanceof Selection.OfAnomaly s
                    && s.anomaly().id().equals(b.id());
            if (picked || refreshed) {
                oncallVm.selectionProperty().set(new Selection.OfAnomaly(b));
            }
        });
        // a click on the anomaly row already selected picks it again for the on-call pane
        anomaliesView.table().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            io.smartcloudops.api.anomaly.Anomaly sel = anomaliesView.table().getSelectionModel().getSelectedItem();
            if (sel != null) {
                oncallVm.selectionProperty().set(new Selection.OfAnomaly(sel));
            }
        });
        javafx.scene.control.SplitPane anomaliesAndAlerts = new javafx.scene.control.SplitPane(
                new FeatureGate(connection.offeredPathsProperty(), "/anomalies", "anomaly detection", anomaliesView),
                new FeatureGate(connection.offeredPathsProperty(), "/alerts", "alerts from Alertmanager and Grafana",
                        new OncallPane(oncallVm)));
        anomaliesAndAlerts.setDividerPositions(0.6);
        screens.put(Screen.ANOMALIES, anomaliesAndAlerts);
        logsVm = LogsFeed.attach(connection);
        screens.put(Screen.LOGS, new FeatureGate(connection.offeredPathsProperty(), "/logs", "the audit log",
                new LogsView(logsVm)));
        screens.put(Screen.MODEL, new ModelView(modelVm));
        screens.put(Screen.SETTINGS, new SettingsView(settingsVm, where, onSettingsApplied));
        window = new MainWindow(screens, chat, chat::focusQuestion, connection.stateProperty(),
                (endpoint.embedded() ? "embedded agent · " : "remote agent · ") + endpoint.url());
        RemediationDialogs.attach(remediationVm, window);
        wireAnomalyNews();
        verdicts.askingProperty().addListener((o, a, ask) -> {
            if (ask == null) {
                window.hideOverlay();
            } else {
                window.showOverlay(new VerdictOverlay(ask, verdicts));
            }
        });
    }

    /** Why the verdict buttons are disabled for this connection (empty when they may be used). */
    private javafx.beans.binding.StringBinding verdictsBlocked() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            if (!connection.offeredPathsProperty().get().contains("/anomalies/{id}/feedback")) {
                return "The connected agent does not take verdicts on anomalies yet (no /anomalies/{id}/feedback route).";
            }
            var who = connection.whoamiProperty().get();
            if (who != null && who.isViewer()) {
                return "Your token is a viewer token: verdicts need an operator token (Settings, Ctrl+,).";
            }
            return "";
        }, connection.offeredPathsProperty(), connection.whoamiProperty());
    }

    /** "Not an anomaly" and "Confirm" on the anomaly detail. */
    public VerdictActions verdicts() {
        return verdicts;
    }

    /** A new anomaly is announced (a notification, a count on Anomalies) until the Anomalies screen is shown. */
    private void wireAnomalyNews() {
        window.badge(Screen.ANOMALIES, anomaliesVm.unseenProperty());
        // the notifications of anomalies go once the screen that shows them is opened: they have been seen
        List<Runnable> newsShown = new ArrayList<>();
        window.currentProperty().addListener((o, a, s) -> {
            if (s == Screen.ANOMALIES) {
                anomaliesVm.markSeen();
                newsShown.forEach(Runnable::run);
                newsShown.clear();
            }
        });
        anomaliesVm.newsProperty().addListener((o, a, n) -> {
            if (n == null) {
                return;
            }
            if (window.currentProperty().get() == Screen.ANOMALIES) {
                anomaliesVm.markSeen();
                return;
            }
            boolean serious = n.severity() != null && n.severity().compareTo(io.smartcloudops.api.anomaly.Severity.HIGH) >= 0;
            newsShown.add(window.toasts().show(serious ? Toasts.Kind.ERROR : Toasts.Kind.INFO, AnomaliesViewModel.headline(n)));
            if (newsShown.size() > 10) {
                newsShown.removeFirst(); // long gone: a notification lasts seconds
            }
        });
    }

    /** The Remediation screen with {@code host}'s card in view. */
    private void showRemediationFor(String host) {
        window.show(Screen.REMEDIATION);
        remediationView.focusTarget(host);
    }

    public RemediationViewModel remediationVm() {
        return remediationVm;
    }

    public AnomaliesViewModel anomaliesVm() {
        return anomaliesVm;
    }

    public OncallViewModel oncallVm() {
        return oncallVm;
    }

    public MainWindow root() {
        return window;
    }

    /** Puts this session into the scene: root, theme, shortcuts. */
    public void install(Scene s) {
        this.scene = s;
        s.setRoot(window);
        io.smartcloudops.console.shell.ViewportCaching.offIn(s);
        s.getAccelerators().clear();
        window.installShortcuts(s, shortcuts());
        applyAppearance(settings);
    }

    private List<Shortcut> shortcuts() {
        List<Shortcut> list = new ArrayList<>();
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), "Switch dark / light theme",
                "everywhere", () -> settingsVm.themeProperty().set(settings.theme() == ConsoleSettings.Theme.DARK
                ? ConsoleSettings.Theme.LIGHT : ConsoleSettings.Theme.DARK)));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), "Larger text",
                "everywhere", () -> settingsVm.fontScaleProperty().set(settings.withFontScale(settings.fontScale() + 0.1).fontScale())));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), "Smaller text",
                "everywhere", () -> settingsVm.fontScaleProperty().set(settings.withFontScale(settings.fontScale() - 0.1).fontScale())));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), "Refresh status now",
                "everywhere", connection::refreshNow));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), "Focus the filter",
                "Anomalies, Logs", () -> {
                    String id = switch (window.currentProperty().get()) {
                        case ANOMALIES -> "#anomaly-search";
                        case LOGS -> "#logs-instance";
                        default -> "";
                    };
                    if (!id.isEmpty() && scene != null && scene.lookup(id) != null) {
                        scene.lookup(id).requestFocus();
                    }
                }));
        TimeRange[] ranges = TimeRange.values();
        KeyCode[] keys = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (int i = 0; i < ranges.length; i++) {
            TimeRange r = ranges[i];
            list.add(new Shortcut(new KeyCodeCombination(keys[i], KeyCombination.ALT_DOWN), "Chart range " + r.label(),
                    "Dashboard", () -> dashboardVm.rangeProperty().set(r)));
        }
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), "Next host",
                "Dashboard", () -> stepHost(1)));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), "Previous host",
                "Dashboard", () -> stepHost(-1)));
        return list;
    }

    private void stepHost(int delta) {
        var hosts = dashboardVm.hosts();
        if (hosts.isEmpty()) {
            return;
        }
        int i = 0;
        for (int j = 0; j < hosts.size(); j++) {
            if (hosts.get(j).host().equals(dashboardVm.selectedHostProperty().get())) {
                i = j;
            }
        }
        dashboardVm.selectedHostProperty().set(hosts.get(Math.floorMod(i + delta, hosts.size())).host());
    }

    private void applyAppearance(ConsoleSettings s) {
        if (!s.equals(settings)) {
            try {
                store.save(s);
            } catch (java.io.IOException e) {
                window.toasts().show(io.smartcloudops.console.shell.Toasts.Kind.ERROR,
                        "Could not save the appearance settings: " + e.getMessage());
            }
        }
        this.settings = s;
        if (scene != null) {
            Theme.apply(scene, s.theme(), s.fontScale());
            dashboard.applyTheme(s.theme() == ConsoleSettings.Theme.DARK, Theme.fontSize(s.fontScale()) * 0.9);
        }
    }

    /** Connects: starts the event stream and the status poll. */
    public void start() {
        connection.start(settings.refreshInterval());
    }

    public AgentConnection connection() {
        return connection;
    }

    public DashboardViewModel dashboardVm() {
        return dashboardVm;
    }

    public DashboardView dashboard() {
        return dashboard;
    }

    public ChatViewModel chatVm() {
        return chatVm;
    }

    public Optional<EmbeddedAgent> embedded() {
        return embedded;
    }

    /** Closes the connection, on the JavaFX thread; the embedded agent is closed by its owner. */
    @Override
    public void close() {
        FxThread.require("ConsoleSession.close");  // it stops the views' animations
        dashboard.stop();
        remediationView.stop();
        connection.close();
    }
}
