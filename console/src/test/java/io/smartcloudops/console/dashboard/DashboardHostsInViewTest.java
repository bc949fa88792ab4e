package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import io.smartcloudops.console.testing.FxWait;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Several hosts are in view at once on the dashboard (defect 9: the tile area showed one row of about 130 px). */
@ExtendWith(ApplicationExtension.class)
class DashboardHostsInViewTest {

    private final DashboardViewModel vm = new DashboardViewModel(Clock.systemUTC(), ConnectionState.connected("test"));

    private Stage stage;

    @Start
    void start(Stage s) {
        this.stage = s;
        // first a 1024x700 window's share, then (in the test) a 1440x900 one's (navigation, title bar, chat taken off)
        s.setScene(new Scene(new DashboardView(vm), 870, 600));
        s.show();
    }

    @Test
    void threeHostsAreAllInViewAndTheChartsKeepTheirRoom(FxRobot robot) {
        Instant now = Instant.now();
        FxWait.onFx(() -> {
            vm.applyStatus(new AgentStatus("t", now, 1, new SourceStatus("replay:x", "replay", true, null, now, now, 0, 5),
                    List.of(new HostStatus("web-1", now, Map.of("cpu", 96.0), "scoring", 0.8, 200),
                            new HostStatus("web-2", now, Map.of("cpu", 30.0), "scoring", 0.1, 200),
                            new HostStatus("db-1", now, Map.of("cpu", 8.0), "scoring", 0.1, 200)), Map.of()));
            return null;
        });
        FxWait.until("three tile rows laid out", 20, () -> robot.lookup("#tile-db-1-cpu").tryQuery().isPresent());
        FxWait.onFx(() -> {
            stage.setWidth(990);
            stage.setHeight(860);
            return null;
        });
        FxWait.until("every host's tiles inside the visible part of the host area", 20, () -> {
            ScrollPane area = robot.lookup("#host-tiles").queryAs(ScrollPane.class);
            Bounds view = area.localToScene(area.getLayoutBounds());
            for (String h : List.of("web-1", "web-2", "db-1")) {
                Node tile = robot.lookup("#tile-" + h + "-cpu").query();
                Bounds b = tile.localToScene(tile.getLayoutBounds());
                if (b.getMinY() < view.getMinY() - 1 || b.getMaxY() > view.getMaxY() + 1) {
                    return false;
                }
            }
            return true;
        });
        assertThat(FxWait.onFx(() -> robot.lookup("#chart-cpu").query().getBoundsInLocal().getHeight()))
                .as("a chart keeps at least 120 px").isGreaterThanOrEqualTo(120);
    }
}
