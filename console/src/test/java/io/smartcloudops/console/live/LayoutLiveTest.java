package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.ScenarioAgent;
import io.smartcloudops.console.testing.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every screen at the smallest supported window (1024x700) and at 1440x900, against a real agent with
 * hosts, remediation targets and a pending approval: no button, label or combo box shows its text cut
 * short ("Dashb...", an Approve button reading "...", a blank "since" box).
 */
@ExtendWith(ApplicationExtension.class)
class LayoutLiveTest {

    private Path tmp;
    private ScenarioAgent agent;
    private Stage stage;
    private ConsoleSession session;

    @Start
    void start(Stage s) {
        this.stage = s;
        s.setScene(new Scene(new StackPane(), 1280, 800));
        s.setX(0);
        s.setY(0);
        s.show();
    }

    @BeforeEach
    void startAgent() throws Exception {
        tmp = Files.createTempDirectory("sco-layout-test");
        agent = new ScenarioAgent(tmp, 15).withYaml("""
                remediation:
                  enabled: false
                  allowed_units: [nginx, php-fpm]
                  targets:
                    web-1: {instance_id: i-0a1b2c3d4e5f60718, auto_scaling_group: asg-web}
                    db-1: {instance_id: i-0fedcba9876543210}
                """).start();
        try (AgentClient operator = AgentClient.create(agent.url(), ScenarioAgent.OPERATOR_TOKEN)) {
            // a pending approval, as the chat proposes one
            var answer = operator.query(new io.smartcloudops.api.chat.QueryRequest("Scale up web-1", null));
            assertThat(answer.proposedActions()).as(answer.answer()).isNotEmpty();
        }
    }

    @AfterEach
    void stop() {
        if (session != null) {
            FxWait.onFx(() -> {
                session.close();
                return null;
            });
        }
        agent.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void noScreenCutsAButtonLabelOrComboBox(int width, int height, FxRobot robot) {
        FxWait.onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false), Optional.empty(),
                    ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                    new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
            session.install(stage.getScene());
            session.start();
            return null;
        });
        FxWait.until("both hosts on the dashboard", 20, () -> session.dashboardVm().hosts().size() == 2);
        FxWait.until("the pending approval", 20, () -> !session.remediationVm().pending().isEmpty());
        FxWait.until("the remediation options", 20, () -> session.remediationVm().optionsProperty().get() != null);
        FxWait.until("the chat offered", 20, () -> session.chatVm().offeredProperty().get());
        FxWait.onFx(() -> {
            session.chatVm().ask("which host is busiest?");
            return null;
        });
        FxWait.until("the chat's answer", 20, () -> session.chatVm().messages().size() == 2);
        List<String> problems = new ArrayList<>();
        for (Screen s : Screen.values()) {
            FxWait.onFx(() -> {
                session.root().show(s);
                return null;
            });
            problems.addAll(cutsAfterLayout(s.title()));
        }
        FxWait.onFx(() -> {
            session.root().showChat(true);
            return null;
        });
        problems.addAll(cutsAfterLayout("chat open"));
        FxWait.onFx(() -> {
            session.root().toggleHelp();
            return null;
        });
        problems.addAll(cutsAfterLayout("help"));
        FxWait.onFx(() -> {
            session.root().toggleHelp();
            session.root().show(Screen.REMEDIATION);
            session.remediationVm().review(session.remediationVm().pending().getFirst(), false);
            return null;
        });
        FxWait.until("the confirm dialog", 10, () -> robot.lookup("#confirm-overlay").tryQuery().isPresent());
        problems.addAll(cutsAfterLayout("confirm dialog"));
        assertThat(problems).as("texts cut short at %dx%d", width, height).isEmpty();
    }

    private List<String> cutsAfterLayout(String where) {
        // two pulses: the screen's first layout, then what its bindings changed
        FxWait.onFx(() -> null);
        FxWait.onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        FxWait.onFx(() -> null);
        return FxWait.onFx(() -> Truncation.find(stage.getScene().getRoot()).stream().map(c -> where + ": " + c).toList());
    }
}
