package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.status.AgentStatus;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.api.status.SourceStatus;
import io.smartcloudops.console.connection.ConnectionState;
import io.smartcloudops.console.dashboard.DashboardView;
import io.smartcloudops.console.dashboard.DashboardViewModel;
import io.smartcloudops.console.testing.FxWait;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A fleet: up to 8 hosts get TilesFX rows; from the 9th every host is a compact line with the same values. */
@ExtendWith(ApplicationExtension.class)
class DashboardFleetViewTest {

    private final DashboardViewModel vm = new DashboardViewModel(Clock.systemUTC(), ConnectionState.connected("test"));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new DashboardView(vm), 1100, 700));
        stage.show();
    }

    private void hosts(int n) {
        Instant now = Instant.now();
        List<HostStatus> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hosts.add(new HostStatus("host-" + i, now, Map.of("cpu", 10.0 + i, "mem", 50.0, "disk", 60.0), "learning", null, 1));
        }
        FxWait.onFx(() -> {
            vm.applyStatus(new AgentStatus("t", now, 1, new SourceStatus("replay:x", "replay", true, null, now, now, 0, 15),
                    hosts, Map.of()));
            return null;
        });
    }

    @Test
    void tilesForAFewHostsCompactLinesForAFleet(FxRobot robot) {
        hosts(8);
        FxWait.until("eight tile rows", 20, () -> robot.lookup("#tile-host-7-cpu").tryQuery().isPresent());
        assertThat(robot.lookup("#row-host-0-cpu").tryQuery()).isEmpty();

        hosts(9);
        FxWait.until("compact lines for all nine", 20, () -> robot.lookup("#row-host-8-cpu").tryQuery().isPresent()
                && robot.lookup("#row-host-0-cpu").tryQuery().isPresent());
        assertThat(robot.lookup("#tile-host-0-cpu").tryQuery()).isEmpty();
        assertThat(FxWait.onFx(() -> robot.lookup("#row-host-8-cpu").queryAs(Label.class).getText())).isEqualTo("CPU busy 18.0%");
        assertThat(FxWait.onFx(() -> robot.lookup("#row-host-8-score").queryAs(Label.class).getText()))
                .isEqualTo("learning this host's normal");
    }
}
