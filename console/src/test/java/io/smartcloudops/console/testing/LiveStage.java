package io.smartcloudops.console.testing;

import io.smartcloudops.console.ConsoleSession;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Puts a console session on a live test's stage: 1280x800 at the screen's corner. The stage is shared between test
 * classes, and a size another test left (LayoutLiveTest ends at 1440x900) put controls below the edge of CI's
 * 1280x800 screen, where the robot's clicks landed on nothing.
 */
public final class LiveStage {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private LiveStage() {
    }

    /** Shows {@code session} on {@code stage} and starts it; returns its scene. */
    public static Scene show(Stage stage, ConsoleSession session) {
        Scene scene = new Scene(new StackPane(), WIDTH, HEIGHT);
        session.install(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        stage.show();
        session.start();
        return scene;
    }
}
