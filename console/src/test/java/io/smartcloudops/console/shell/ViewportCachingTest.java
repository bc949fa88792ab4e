package io.smartcloudops.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.console.testing.FxWait;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Scroll panes keep no viewport bitmap (a heap copy of the viewport on the software pipeline), also those added later. */
@ExtendWith(ApplicationExtension.class)
class ViewportCachingTest {

    private final VBox root = new VBox();

    @Start
    void start(Stage stage) {
        root.getChildren().add(new ScrollPane(new Rectangle(2000, 2000)));
        Scene scene = new Scene(root, 800, 600);
        ViewportCaching.offIn(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** On the JavaFX thread. */
    private long cachedViewports() {
        return root.lookupAll(".viewport").stream().filter(Node::isCache).count();
    }

    @Test
    void everyViewportIsUncachedIncludingOnesAddedLater(FxRobot robot) {
        FxWait.until("the first viewport uncached", 20, () -> !root.lookupAll(".viewport").isEmpty() && cachedViewports() == 0);
        FxWait.onFx(() -> root.getChildren().add(new TextArea("a text area has a scroll pane inside")));
        FxWait.until("two viewports", 20, () -> root.lookupAll(".viewport").size() == 2);
        FxWait.until("the text area's viewport uncached too", 20, () -> cachedViewports() == 0);
    }
}
