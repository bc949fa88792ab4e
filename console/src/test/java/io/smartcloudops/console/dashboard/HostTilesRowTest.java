package io.smartcloudops.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import io.smartcloudops.api.Metric;
import io.smartcloudops.console.testing.FxWait;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A tile row feeds its tiles only while it is shown: TilesFX queues every change a hidden tile cannot
 * draw, and in the 20-host soak the rows left behind by the switch to compact lines (and the rows of a
 * dashboard hidden behind another screen) queued thousands of events each. A disposed row lets go of its host.
 */
@ExtendWith(ApplicationExtension.class)
class HostTilesRowTest {

    private final VBox root = new VBox();
    private final HostTileModel model = new HostTileModel("web-1");
    private HostTilesRow row;

    @Start
    void start(Stage stage) {
        row = new HostTilesRow(model, () -> { });
        root.getChildren().add(row);
        stage.setScene(new Scene(root, 800, 200));
        stage.show();
    }

    private Tile cpu() {
        return (Tile) row.lookup("#tile-web-1-cpu");
    }

    @Test
    void ahiddenRowQueuesNothingCatchesUpWhenShownAndADisposedOneFollowsNothing() {
        FxWait.onFx(() -> {
            model.update(Metric.CPU, 30.0);
            return null;
        });
        assertThat(FxWait.onFx(() -> cpu().getValue())).isEqualTo(30.0);
        assertThat(FxWait.onFx(() -> cpu().getBarColor())).isEqualTo(GaugeLevel.NORMAL.colour());

        FxWait.onFx(() -> {
            root.getChildren().remove(row);
            for (int i = 0; i < 1000; i++) {
                model.update(Metric.CPU, 40.0 + i % 50);
            }
            model.update(Metric.CPU, 96.0);
            return null;
        });
        assertThat(FxWait.onFx(() -> cpu().getValue())).as("nothing pushed into a hidden tile").isEqualTo(30.0);

        FxWait.onFx(() -> root.getChildren().add(row));
        assertThat(FxWait.onFx(() -> cpu().getValue())).as("the latest value once shown").isEqualTo(96.0);
        assertThat(FxWait.onFx(() -> cpu().getBarColor())).as("96 % is not the colour of 30 %")
                .isEqualTo(GaugeLevel.CRITICAL.colour());

        FxWait.onFx(() -> {
            row.dispose();
            model.update(Metric.CPU, 50.0);
            return null;
        });
        assertThat(FxWait.onFx(() -> cpu().getValue())).as("a disposed row follows nothing").isEqualTo(96.0);
    }
}
