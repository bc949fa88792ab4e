package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.chat.ChatMessage;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.LiveStage;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The chat pane against a real agent replaying the scenario answers with the replayed numbers. */
@ExtendWith(ApplicationExtension.class)
class ChatLiveTest {

    private static ScenarioAgent agent;
    private static Path tmp;
    private ConsoleSession session;

    @BeforeAll
    static void startAgent() throws Exception {
        tmp = Files.createTempDirectory("sco-chat-test");
        agent = new ScenarioAgent(tmp, 15).start();
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.VIEWER_TOKEN, false), Optional.empty(),
                ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), s -> { });
        LiveStage.show(stage, session);
    }

    @AfterEach
    void close() {
        FxWait.onFx(() -> {
            session.close();  // on the JavaFX thread: it stops the views' animations
            return null;
        });
    }

    @Test
    void whatsCurrentCpuIsAnsweredWithTheReplayedNumbers(FxRobot robot) {
        FxWait.until("both hosts collected", 15, () -> session.dashboardVm().hosts().size() == 2);
        FxWait.until("chat offered", 15, () -> !robot.lookup("#chat-input").query().isDisabled()
                && session.chatVm().offeredProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("What's current CPU?").press(KeyCode.ENTER).release(KeyCode.ENTER);
        FxWait.until("the answer", 15, () -> session.chatVm().messages().stream()
                .anyMatch(m -> m.kind() == ChatMessage.Kind.ANSWER));
        ChatMessage answer = FxWait.onFx(() -> session.chatVm().messages().stream()
                .filter(m -> m.kind() == ChatMessage.Kind.ANSWER).findFirst().orElseThrow());
        assertThat(answer.text()).contains("web-1").contains("37.5").contains("db-1").contains("12");
        assertThat(answer.backend()).startsWith("offline");
        assertThat(FxWait.onFx(() -> robot.lookup(".chat-answer-text").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList())).contains(answer.text());
    }
}
