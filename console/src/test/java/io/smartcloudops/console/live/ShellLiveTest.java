package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.dashboard.ChartData;
import io.smartcloudops.console.dashboard.TimeSeriesChart;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.LiveStage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window without a reachable agent: the banner and every empty chart say why; the keyboard reaches
 * every screen, the chat and the help overlay; the theme switches; bad settings are refused by name.
 */
@ExtendWith(ApplicationExtension.class)
class ShellLiveTest {

    private ConsoleSession session;
    private Scene scene;
    private Path settingsDir;

    @Start
    void start(Stage stage) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        settingsDir = Files.createTempDirectory("sco-shell-test");
        session = new ConsoleSession(new AgentEndpoint("http://127.0.0.1:" + port, "no-agent-token", false), Optional.empty(),
                ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)), new SettingsStore(settingsDir),
                Platform::runLater, Clock.systemUTC(), s -> { });
        scene = LiveStage.show(stage, session);
    }

    @AfterEach
    void close() {
        FxWait.onFx(() -> {
            session.close();  // on the JavaFX thread: it stops the views' animations
            return null;
        });
    }

    @Test
    void anUnreachableAgentIsNamedByTheBannerAndByEveryEmptyChart(FxRobot robot) {
        FxWait.until("the banner", 10, () -> robot.lookup("#connection-banner").query().isVisible()
                && robot.lookup("#connection-banner-text").queryAs(Label.class).getText().contains("unreachable"));
        FxWait.until("the CPU chart's reason", 10, () -> {
            ChartData d = robot.lookup("#chart-cpu").queryAs(TimeSeriesChart.class).data();
            return d != null && d.emptyReason().map(r -> r.startsWith("No data: agent unreachable.")).orElse(false);
        });
    }

    @Test
    void theKeyboardReachesEveryScreenTheChatAndTheHelp(FxRobot robot) {
        Clicks.on(robot, "#nav-dashboard");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(FxWait.onFx(() -> session.root().currentProperty().get())).isEqualTo(Screen.REMEDIATION);
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        assertThat(FxWait.onFx(() -> session.root().currentProperty().get())).isEqualTo(Screen.SETTINGS);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        FxWait.until("the chat question focused", 20, () -> robot.lookup("#chat-input").query().isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertThat(FxWait.onFx(() -> session.root().currentProperty().get())).isEqualTo(Screen.LOGS);

        robot.press(KeyCode.F1).release(KeyCode.F1);
        FxWait.until("the help overlay", 20, () -> robot.lookup("#help-overlay").tryQuery().isPresent());
        assertThat(FxWait.onFx(() -> robot.lookup("#help-overlay").lookup(".label").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList())).contains("Ctrl+K", "Focus the chat question", "Show Anomalies",
                "Chart range 24h", "Switch dark / light theme");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxWait.until("the help overlay closed", 20, () -> robot.lookup("#help-overlay").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        FxWait.until("the light theme", 20, () -> scene.getStylesheets().stream().anyMatch(s -> s.endsWith("light.css")));
    }

    /** At 1024 px the chat opens as a drawer over the on-call pane; Escape closes it, as it closes the help. */
    @Test
    void escapeClosesTheChatDrawerItsQuestionOpened(FxRobot robot) {
        FxWait.onFx(() -> {
            scene.getWindow().setWidth(1024);
            scene.getWindow().setHeight(700);
            return null;
        });
        FxWait.until("the chat closed at 1024 px", 20, () -> !session.root().chatShown());
        Clicks.on(robot, "#nav-anomalies");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        FxWait.until("the chat question focused", 20, () -> robot.lookup("#chat-input").query().isFocused());
        assertThat(FxWait.onFx(() -> session.root().chatShown() && !session.root().chatDocked())).as("a drawer").isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxWait.until("the drawer closed", 20, () -> !session.root().chatShown());
        assertThat(FxWait.onFx(() -> session.root().currentProperty().get())).isEqualTo(Screen.ANOMALIES);
    }

    @Test
    void settingsRefuseABadUrlByNameAndSaveNothing(FxRobot robot) {
        FxWait.onFx(() -> {
            session.root().show(Screen.SETTINGS);
            return null;
        });
        FxWait.until("the settings screen", 20, () -> robot.lookup("#mode-remote").tryQuery().isPresent());
        Clicks.on(robot, "#mode-remote");
        Clicks.on(robot, "#agent-url").write("agent.example:8080");
        Clicks.on(robot, "#settings-apply");
        FxWait.until("the URL error", 20, () -> robot.lookup("#agent-url-error").queryAs(Label.class).getText()
                .equals("Agent URL: 'agent.example:8080' must start with http:// or https://"));
        assertThat(FxWait.onFx(() -> robot.lookup("#agent-token-error").queryAs(Label.class).getText())).startsWith("Token: required");
        assertThat(Files.exists(settingsDir.resolve("console.properties"))).isFalse();
        assertThat(Files.exists(settingsDir.resolve("console-remote-token"))).isFalse();
    }
}
