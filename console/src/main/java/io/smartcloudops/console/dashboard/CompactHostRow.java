package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One host in a line, for fleets larger than {@link DashboardView#TILE_ROWS_UP_TO} hosts: CPU, memory and
 * disk as bars with their values, and the detector's word. A TilesFX row costs about 4 MB of memory, a
 * line like this a few hundred KB (bench/console/rss.sh).
 */
final class CompactHostRow extends HBox implements HostRow {

    private final HostTileModel model;
    private final java.util.List<Runnable> unlisten = new java.util.ArrayList<>();

    CompactHostRow(HostTileModel model, Runnable onSelect) {
        this.model = model;
        getStyleClass().addAll("host-row", "host-row-compact");
        setSpacing(12);
        setPadding(new Insets(3, 6, 3, 6));
        setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(model.host());
        name.getStyleClass().add("host-name");
        name.setMinWidth(120);
        name.setPrefWidth(120);
        Label score = new Label();
        score.setId("row-" + model.host() + "-score");
        score.getStyleClass().add("empty-hint");
        score.textProperty().bind(model.detectorTextProperty());
        unlisten.add(() -> score.textProperty().unbind());
        getChildren().addAll(name, bar("cpu", Metric.CPU, model.cpuProperty()), bar("mem", Metric.MEM, model.memProperty()),
                bar("disk", Metric.DISK, model.diskProperty()), score);
        setOnMouseClicked(e -> onSelect.run());
    }

    private VBox bar(String key, Metric metric, ReadOnlyDoubleProperty value) {
        Label text = new Label();
        text.setId("row-" + model.host() + "-" + key);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(110);
        Runnable update = () -> {
            double v = value.get();
            text.setText(metric.description() + " " + (Double.isNaN(v) ? "-" : metric.format(v)));
            bar.setProgress(Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v / 100)));
            String level = Double.isNaN(v) ? GaugeLevel.NORMAL.styleClass() : GaugeLevel.of(v).styleClass();
            if (!bar.getStyleClass().contains(level)) {
                bar.getStyleClass().removeIf(c -> c.startsWith("level-"));
                bar.getStyleClass().add(level);
            }
        };
        update.run();
        javafx.beans.value.ChangeListener<Number> l = (o, a, b) -> update.run();
        value.addListener(l);
        unlisten.add(() -> value.removeListener(l));
        return new VBox(1, text, bar);
    }

    @Override
    public HostTileModel model() {
        return model;
    }

    @Override
    public void selected(boolean on) {
        if (on) {
            if (!getStyleClass().contains("selected")) {
                getStyleClass().add("selected");
            }
        } else {
            getStyleClass().remove("selected");
        }
    }

    @Override
    public void dispose() {
        unlisten.forEach(Runnable::run);
        unlisten.clear();
    }

    @Override
    public void applyTheme(boolean dark) {
        // colours come from the stylesheet
    }
}
