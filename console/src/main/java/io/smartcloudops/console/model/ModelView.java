package io.smartcloudops.console.model;

import io.smartcloudops.console.fx.FxThread;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Model screen: the model card as a two-column table (the selected field in full below it) beside
 * its evaluation report images; a click on a report shows it enlarged.
 */
public final class ModelView extends BorderPane {

    private final ReportImages images = new ReportImages();
    private final SplitPane split;
    private final VBox reports = new VBox(10);
    private final ModelViewModel vm;

    public ModelView(ModelViewModel vm) {
        this.vm = vm;
        setId("model");
        Label title = new Label("Model");
        title.getStyleClass().add("screen-title");
        Label message = new Label();
        message.setId("model-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        TableView<ModelViewModel.Row> table = new TableView<>(FxThread.shown(vm.rows(), "the model's report table"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("model-table");
        TableColumn<ModelViewModel.Row, String> key = new TableColumn<>("Field");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        key.setCellFactory(io.smartcloudops.console.shell.FullTextCell.factory());
        key.setPrefWidth(230);
        TableColumn<ModelViewModel.Row, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setCellFactory(io.smartcloudops.console.shell.FullTextCell.factory());
        value.setPrefWidth(230);
        table.getColumns().add(key);
        table.getColumns().add(value);
        io.smartcloudops.console.shell.Columns.headersWhole(table);
        table.setPlaceholder(new Label("No model card from this agent."));
        TextArea detail = new TextArea();
        detail.setId("model-field-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(3);
        detail.setPromptText("Select a field to read it in full.");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) ->
                detail.setText(row == null ? "" : row.key() + "\n" + row.value()));
        VBox card = new VBox(6, table, detail);
        VBox.setVgrow(table, Priority.ALWAYS);

        reports.setId("model-reports");
        reports.setPadding(new Insets(8));
        ScrollPane reportScroll = new ScrollPane(reports);
        reportScroll.setFitToWidth(true);
        FxThread.shown(vm.reports(), "the model's report images").addListener((ListChangeListener<ModelViewModel.Report>) c -> showReports(reportScroll));
        showReports(reportScroll);

        split = new SplitPane(card, reportScroll);
        split.setDividerPositions(0.5);
        VBox top = new VBox(8, title, message);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 8, 8, 8));
    }

    private void showReports(ScrollPane reportScroll) {
        reports.getChildren().clear();
        Set<String> names = new HashSet<>();
        for (ModelViewModel.Report r : vm.reports()) {
            names.add(r.name());
            ImageView image = new ImageView(images.thumbnail(r));
            image.setId("model-report-" + r.name().replace('.', '-'));
            image.setPreserveRatio(true);
            image.fitWidthProperty().bind(javafx.beans.binding.Bindings.min(image.getImage().getWidth(),
                    reportScroll.widthProperty().subtract(30)));
            image.setCursor(Cursor.HAND);
            Tooltip.install(image, new Tooltip("Click to enlarge"));
            image.setOnMouseClicked(e -> enlarge(r));
            Label caption = new Label("Evaluation report: " + r.name() + " (click to enlarge)");
            reports.getChildren().addAll(caption, image);
        }
        images.retain(names);
        if (vm.reports().isEmpty()) {
            reports.getChildren().add(new Label("No evaluation report from this agent."));
        }
    }

    /** Shows one report as wide as the screen; Back (or Escape) returns and drops the large image. */
    void enlarge(ModelViewModel.Report r) {
        int width = (int) Math.max(ReportImages.SHOWN_WIDTH, getWidth() - 40);
        ImageView big = new ImageView(images.decode(r.png(), width));
        big.setId("model-report-enlarged");
        ScrollPane scroll = new ScrollPane(big);
        scroll.setPannable(true);
        Button back = new Button("Back to the card (Esc)");
        back.setId("model-report-back");
        back.setMinWidth(USE_PREF_SIZE);
        back.setCancelButton(true);
        Label name = new Label("Evaluation report: " + r.name());
        HBox bar = new HBox(10, back, name);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 6, 0));
        BorderPane pane = new BorderPane(scroll);
        pane.setTop(bar);
        Runnable close = () -> setCenter(split);
        back.setOnAction(e -> close.run());
        pane.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
        BorderPane.setMargin(pane, new Insets(0, 8, 8, 8));
        setCenter(pane);
        back.requestFocus();
    }

    /** How many report decodes happened so far (the freeze regression test counts them). */
    int reportDecodes() {
        return images.decodes();
    }
}
