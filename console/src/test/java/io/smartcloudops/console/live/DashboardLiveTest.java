package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import io.smartcloudops.api.Metric;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.dashboard.ChartData;
import io.smartcloudops.console.dashboard.TimeSeriesChart;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.LiveStage;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console against a real agent replaying the scenario (web-1 cpu 37.5 %, db-1 cpu 12 %): the
 * dashboard shows both hosts with the replayed values and charts; when the agent dies the banner says
 * so, and when it comes back on the same port the console recovers by itself.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardLiveTest {

    private static ScenarioAgent agent;
    private static Path tmp;
    private ConsoleSession session;

    @BeforeAll
    static void startAgent() throws Exception {
        tmp = Files.createTempDirectory("sco-dashboard-test");
        agent = new ScenarioAgent(tmp, 15).start();
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false), Optional.empty(),
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
    void dashboardShowsEveryReplayedHostWithItsValues(FxRobot robot) {
        FxWait.until("both hosts' tiles", 15, () -> robot.lookup("#tile-web-1-cpu").tryQuery().isPresent()
                && robot.lookup("#tile-db-1-cpu").tryQuery().isPresent());
        FxWait.until("web-1 CPU tile at the replayed 37.5 %", 10, () -> tile(robot, "#tile-web-1-cpu").getValue() == 37.5);
        assertThat(FxWait.onFx(() -> tile(robot, "#tile-web-1-mem").getValue())).isEqualTo(52.0);
        assertThat(FxWait.onFx(() -> tile(robot, "#tile-web-1-disk").getValue())).isEqualTo(71.3);
        assertThat(FxWait.onFx(() -> tile(robot, "#tile-db-1-cpu").getValue())).isEqualTo(12.0);
        assertThat(FxWait.onFx(() -> tile(robot, "#tile-db-1-mem").getValue())).isEqualTo(64.0);

        FxWait.onFx(() -> {
            session.dashboardVm().selectedHostProperty().set("web-1");
            return null;
        });
        FxWait.until("the CPU chart of web-1 drawn with samples", 10, () -> {
            ChartData d = chart(robot, "#chart-cpu").data();
            return d != null && d.pointCount() >= 2 && d.spec().metrics().getFirst() == Metric.CPU;
        });
        ChartData cpu = FxWait.onFx(() -> chart(robot, "#chart-cpu").data());
        assertThat(cpu.emptyReason()).isEmpty();
        assertThat(cpu.lines().getFirst().latest()).isEqualTo(37.5);
        for (int i = 0; i < cpu.lines().getFirst().count(); i++) {
            assertThat(cpu.lines().getFirst().values()[i]).isEqualTo(37.5);
        }
        assertThat(FxWait.onFx(() -> robot.lookup("#connection-banner").query().isVisible())).isFalse();
    }

    @Test
    void bannerWhenTheAgentDiesAndRecoveryWhenItComesBack(FxRobot robot) {
        FxWait.until("connected", 15, () -> session.connection().stateProperty().get().isConnected());
        agent.stop();
        FxWait.until("the banner saying the agent is unreachable", 15, () -> {
            Node banner = robot.lookup("#connection-banner").query();
            Label text = robot.lookup("#connection-banner-text").queryAs(Label.class);
            return banner.isVisible() && text.getText().contains("unreachable");
        });
        int before = FxWait.onFx(() -> session.dashboardVm().sampleCount("web-1", Metric.CPU));
        agent.start();
        FxWait.until("the banner gone after the agent came back", 20,
                () -> !robot.lookup("#connection-banner").query().isVisible());
        FxWait.until("new samples after the reconnect", 15,
                () -> session.dashboardVm().sampleCount("web-1", Metric.CPU) > before);
        assertThat(FxWait.onFx(() -> tile(robot, "#tile-web-1-cpu").getValue())).isEqualTo(37.5);
    }

    private static Tile tile(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Tile.class);
    }

    private static TimeSeriesChart chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TimeSeriesChart.class);
    }
}
