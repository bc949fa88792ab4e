package io.smartcloudops.console.model;

import java.io.ByteArrayInputStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Model screen: the model card as a two-column table beside its evaluation report images. */
public final class ModelView extends BorderPane {

    public ModelView(ModelViewModel vm) {
        setId("model");
        Label title = new Label("Model");
        title.getStyleClass().add("screen-title");
        Label message = new Label();
        message.setId("model-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        TableView<ModelViewModel.Row> table = new TableView<>(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("model-table");
        TableColumn<ModelViewModel.Row, String> key = new TableColumn<>("Field");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        key.setPrefWidth(300);
        TableColumn<ModelViewModel.Row, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(300);
        table.getColumns().add(key);
        table.getColumns().add(value);
        table.setPlaceholder(new Label("No model card from this agent."));

        VBox reports = new VBox(10);
        reports.setId("model-reports");
        reports.setPadding(new Insets(8));
        ScrollPane reportScroll = new ScrollPane(reports);
        reportScroll.setFitToWidth(true);
        vm.reports().addListener((ListChangeListener<ModelViewModel.Report>) c -> {
            reports.getChildren().clear();
            for (ModelViewModel.Report r : vm.reports()) {
                ImageView image = new ImageView(new Image(new ByteArrayInputStream(r.png())));
                image.setPreserveRatio(true);
                image.fitWidthProperty().bind(reportScroll.widthProperty().subtract(30));
                reports.getChildren().addAll(new Label("Evaluation report: " + r.name()), image);
            }
        });
        reports.getChildren().add(new Label("No evaluation report from this agent."));

        SplitPane split = new SplitPane(table, reportScroll);
        split.setDividerPositions(0.45);
        VBox top = new VBox(8, title, message);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 8, 8, 8));
    }
}
