package io.smartcloudops.console;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The operator console window. */
public final class ConsoleApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Smart Cloud Ops AI");
        stage.setScene(new Scene(new StackPane(new Label("Smart Cloud Ops AI console")), 1024, 700));
        stage.show();
    }
}
