package io.smartcloudops.console;

import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.EmbeddedAgent;
import io.smartcloudops.console.connection.EmbeddedAgentFailure;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.dashboard.ChartData;
import io.smartcloudops.console.dashboard.TimeSeriesChart;
import io.smartcloudops.console.shell.InitialWindowSize;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console window. Connects to the remote agent chosen in Settings, or starts an embedded
 * agent watching this machine when none is chosen; switches when Settings change the connection.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private ConsoleOptions options;
    private SettingsStore store;
    private Stage stage;
    private Scene scene;
    private ConsoleSession session;
    private EmbeddedAgent embedded;
    private boolean firstFrameReported;

    /** The embedded agent started by {@link Launcher} while the JavaFX toolkit starts (saves a second). */
    private static volatile java.util.concurrent.CompletableFuture<EmbeddedAgent> early;

    /** Starts the embedded agent in the background when the saved settings will need it. */
    static void prestart(ConsoleOptions options) {
        SettingsStore s = new SettingsStore(options.settingsDir().orElseGet(() -> SettingsStore.defaultDir(System.getenv())));
        ConsoleSettings settings = s.load();
        if (settings.mode() == ConsoleSettings.Mode.REMOTE && !settings.remoteUrl().isBlank() && s.loadRemoteToken().isPresent()) {
            return;
        }
        early = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                EmbeddedAgent a = EmbeddedAgent.start(System.getenv(), overrides(options), Clock.systemUTC(),
                        EmbeddedAgent.configFile(s.dir()));
                StartupClock.mark("embedded agent serving");
                return a;
            } catch (io.smartcloudops.agent.collect.SourceException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, r -> Thread.ofPlatform().name("embedded-agent-start").start(r));
    }

    private static Map<String, String> overrides(ConsoleOptions options) {
        Map<String, String> overrides = new LinkedHashMap<>();
        options.source().ifPresent(s -> overrides.put("source.spec", s));
        options.bind().ifPresent(b -> overrides.put("server.bind", b));
        return overrides;
    }

    @Override
    public void start(Stage primary) {
        StartupClock.mark("JavaFX started");
        this.stage = primary;
        options = ConsoleOptions.parse(getParameters().getRaw());
        store = new SettingsStore(options.settingsDir().orElseGet(() -> SettingsStore.defaultDir(System.getenv())));
        ConsoleSettings settings = store.load();
        store.problems().forEach(p -> LOG.warn("settings: {}", p));
        stage.setTitle("Smart Cloud Ops AI");
        var icon = ConsoleApp.class.getResourceAsStream("icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        Rectangle2D screenArea = javafx.stage.Screen.getPrimary().getVisualBounds();
        var size = InitialWindowSize.forScreen(screenArea);
        scene = new Scene(new StackPane(new Label("Starting...")), size.width(), size.height());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> Platform.exit());
        open(settings);
        stage.show();
        InitialWindowSize.keepOnScreen(stage, screenArea);
        options.pulseReport().ifPresent(f -> new PulseReport(f).start());
        options.controlsReport().ifPresent(f -> io.smartcloudops.console.shell.ControlsReport.install(scene, f));
        StartupClock.mark("window shown");
    }

    private void open(ConsoleSettings settings) {
        Optional<AgentEndpoint> endpoint;
        try {
            endpoint = endpoint(settings);
        } catch (RuntimeException e) {
            EmbeddedAgentFailure failure = EmbeddedAgentFailure.of(e, EmbeddedAgent.configFile(store.dir()), overrides(options),
                    store.settingsFile());
            if (failure.expected()) {
                LOG.error(failure.logLine());
            } else {
                LOG.error(failure.logLine(), e);
            }
            showFailure(failure.text());
            return;
        }
        if (endpoint.isEmpty()) {
            settings = settings.withConnection(ConsoleSettings.Mode.EMBEDDED, settings.remoteUrl());
            endpoint = endpoint(settings);
        }
        session = new ConsoleSession(endpoint.get(), Optional.ofNullable(embedded), settings, store, Platform::runLater,
                Clock.systemUTC(), this::settingsApplied);
        session.install(scene);
        if (options.reportStartup()) {
            session.dashboard().setAfterDraw(this::maybeReportFirstFrame);
            session.connection().statusProperty().addListener((o, a, b) -> {
                if (a == null && b != null) {
                    StartupClock.mark("first /status");
                }
            });
        }
        session.start();
    }

    /** The agent to use; starts the embedded one when needed. Empty when a remote agent lacks its token. */
    private Optional<AgentEndpoint> endpoint(ConsoleSettings settings) {
        if (settings.mode() == ConsoleSettings.Mode.REMOTE && !settings.remoteUrl().isBlank()) {
            Optional<String> token = store.loadRemoteToken();
            if (token.isEmpty()) {
                LOG.warn("remote agent {} chosen but no token saved in {}: using the embedded agent",
                        settings.remoteUrl(), store.remoteToken().path());
                return Optional.empty();
            }
            closeEmbedded();
            return Optional.of(new AgentEndpoint(settings.remoteUrl(), token.get(), false));
        }
        if (embedded == null && early != null) {
            var f = early;
            early = null;
            try {
                embedded = f.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedAgent.start(System.getenv(), overrides(options), Clock.systemUTC(),
                        EmbeddedAgent.configFile(store.dir()));
            } catch (io.smartcloudops.agent.collect.SourceException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            LOG.info("embedded agent serving {}", embedded.endpoint().url());
        }
        return Optional.of(embedded.endpoint());
    }

    private void settingsApplied(ConsoleSettings s) {
        session.close();
        open(s);
        session.root().toasts().show(io.smartcloudops.console.shell.Toasts.Kind.SUCCESS,
                "Settings saved; connected to " + session.connection().endpoint().url());
    }

    private void showFailure(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setId("startup-failure");
        StackPane p = new StackPane(l);
        p.setPadding(new Insets(30));
        scene.setRoot(p);
    }

    private void maybeReportFirstFrame() {
        if (firstFrameReported) {
            return;
        }
        boolean live = session.dashboard().charts().stream().map(TimeSeriesChart::data)
                .anyMatch(d -> d != null && d.pointCount() > 0);
        if (!live) {
            return;
        }
        firstFrameReported = true;
        long ms = StartupClock.sinceProcessStart();
        System.out.println("first live frame after " + ms + " ms since JVM start (epoch " + System.currentTimeMillis()
                + "; " + session.dashboard().charts().stream().map(TimeSeriesChart::data).mapToInt(ChartData::pointCount).sum()
                + " points drawn)");
        System.out.flush();
        if (options.exitAfterFirstFrame()) {
            Platform.exit();
        }
    }

    private void closeEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
        closeEmbedded();
        if (options != null && options.exitAfterFirstFrame()) {
            Runtime.getRuntime().halt(0);
        }
    }
}
