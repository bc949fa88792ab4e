package io.smartcloudops.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.console.testing.FxWait;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The console's window opens inside the screen, whatever the screen's size. */
@ExtendWith(ApplicationExtension.class)
class InitialWindowSizeTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        stage.show();
    }

    @Test
    void aLargeScreenGetsThePreferredSize() {
        assertThat(InitialWindowSize.forScreen(new Rectangle2D(0, 0, 1920, 1050))).isEqualTo(new InitialWindowSize(1280, 800));
    }

    @Test
    void aSmallScreenGetsItsUsableArea() {
        assertThat(InitialWindowSize.forScreen(new Rectangle2D(0, 0, 1024, 700))).isEqualTo(new InitialWindowSize(1024, 700));
        assertThat(InitialWindowSize.forScreen(new Rectangle2D(0, 28, 1366, 740))).isEqualTo(new InitialWindowSize(1280, 740));
    }

    @Test
    void aScreenOfUnknownSizeGetsThePreferredSize() {
        assertThat(InitialWindowSize.forScreen(Rectangle2D.EMPTY)).isEqualTo(new InitialWindowSize(1280, 800));
    }

    @Test
    void aShownWindowLargerThanTheScreenIsShrunkAndMovedInside() {
        Rectangle2D area = new Rectangle2D(10, 20, 1000, 650);
        FxWait.onFx(() -> {
            stage.setX(-100);
            stage.setY(-40);
            InitialWindowSize.keepOnScreen(stage, area);
            return null;
        });
        FxWait.until("the window inside the screen", 5, () -> stage.getX() >= area.getMinX() && stage.getY() >= area.getMinY()
                && stage.getX() + stage.getWidth() <= area.getMaxX() + 0.5 && stage.getY() + stage.getHeight() <= area.getMaxY() + 0.5);
        assertThat(stage.getWidth()).isLessThanOrEqualTo(area.getWidth());
        assertThat(stage.getHeight()).isLessThanOrEqualTo(area.getHeight());
    }
}
