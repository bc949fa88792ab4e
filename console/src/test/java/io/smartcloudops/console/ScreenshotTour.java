package io.smartcloudops.console;

import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.Png;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Regenerates docs/screenshots: starts the console against a real agent replaying the test scenario,
 * waits for data, and snapshots every screen (plus the light theme, the help overlay and the banner of
 * an unreachable agent). Run by bench/console/screenshots.sh under Xvfb.
 * Arguments: {@code OUT_DIR [SECONDS_OF_DATA]}.
 */
public final class ScreenshotTour {

    private static Path out;
    private static int seconds;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Application.launch(App.class, args);
    }

    /** The JavaFX application (the main class must not extend Application on the classpath). */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        tour(stage);
    }
    }

    static void tour(Stage stage) throws Exception {
        Path tmp = Files.createTempDirectory("sco-tour");
        ScenarioAgent agent = new ScenarioAgent(tmp, 15).start();
        SettingsStore store = new SettingsStore(tmp.resolve("settings"));
        ConsoleSettings settings = ConsoleSettings.defaults().withRefreshInterval(java.time.Duration.ofSeconds(2));
        Scene scene = new Scene(new StackPane(), 1280, 800);
        ConsoleSession session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, true),
                Optional.empty(), settings, store, Platform::runLater, Clock.systemUTC(), s -> { });
        session.install(scene);
        stage.setScene(scene);
        stage.setTitle("Smart Cloud Ops AI");
        stage.show();
        session.start();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(seconds * 1000L);
                for (Screen s : Screen.values()) {
                    fx(() -> session.root().show(s));
                    Thread.sleep(1500);
                    shot(scene, s.name().toLowerCase(Locale.ROOT));
                }
                fx(() -> session.root().show(Screen.DASHBOARD));
                fx(() -> session.root().toggleHelp());
                Thread.sleep(500);
                shot(scene, "help-overlay");
                fx(() -> session.root().toggleHelp());
                fx(() -> session.root().show(Screen.ANOMALIES));
                fx(() -> session.root().toggleChat());
                fx(() -> session.root().toggleChat());
                fx(() -> session.chatVm().inputProperty().set("What's current CPU?"));
                fx(() -> session.root().show(Screen.DASHBOARD));
                fx(() -> scene.getAccelerators().entrySet().stream()
                        .filter(e -> e.getKey().getDisplayText().endsWith("T")).findFirst().ifPresent(e -> e.getValue().run()));
                Thread.sleep(1500);
                shot(scene, "dashboard-light");
                fx(() -> scene.getAccelerators().entrySet().stream()
                        .filter(e -> e.getKey().getDisplayText().endsWith("T")).findFirst().ifPresent(e -> e.getValue().run()));
                agent.stop();
                Thread.sleep(3000);
                shot(scene, "dashboard-agent-unreachable");
                System.out.println("screenshots written to " + out.toAbsolutePath());
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
                agent.close();
            }
        });
    }

    private static void fx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(10, TimeUnit.SECONDS);
    }

    private static void shot(Scene scene, String name) throws Exception {
        Exception[] failure = new Exception[1];
        fx(() -> {
            try {
                Png.write(scene, out.resolve(name + ".png"));
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
