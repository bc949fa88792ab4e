package io.smartcloudops.console;

import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.EmbeddedAgent;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.dashboard.ChartData;
import io.smartcloudops.console.dashboard.TimeSeriesChart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
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

    @Override
    public void start(Stage primary) {
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
        scene = new Scene(new StackPane(new Label("Starting...")), 1280, 800);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> Platform.exit());
        open(settings);
        stage.show();
    }

    private void open(ConsoleSettings settings) {
        Optional<AgentEndpoint> endpoint;
        try {
            endpoint = endpoint(settings);
        } catch (Exception e) {
            LOG.error("cannot start the embedded agent", e);
            showFailure("The embedded agent could not start: " + e.getMessage()
                    + "\n\nRun ./run.sh --agent-only to see the agent's own error, or choose a remote agent in"
                    + " " + store.settingsFile() + " (mode=remote, remote_url=...).");
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
        if (embedded == null) {
            Map<String, String> overrides = new LinkedHashMap<>();
            options.source().ifPresent(s -> overrides.put("source.spec", s));
            options.bind().ifPresent(b -> overrides.put("server.bind", b));
            try {
                embedded = EmbeddedAgent.start(System.getenv(), overrides, Clock.systemUTC());
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
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        long ms = Duration.between(started, Instant.now()).toMillis();
        ChartData any = session.dashboard().charts().getFirst().data();
        System.out.println("first live frame after " + ms + " ms (process start to a chart with samples; "
                + any.pointCount() + " points in the first chart)");
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
