package io.smartcloudops.console.model;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Model screen: the model card as a two-column table. */
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
        key.setPrefWidth(320);
        TableColumn<ModelViewModel.Row, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(420);
        table.getColumns().add(key);
        table.getColumns().add(value);
        table.setPlaceholder(new Label("No model card from this agent."));
        VBox top = new VBox(8, title, message);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 8, 8, 8));
    }
}
