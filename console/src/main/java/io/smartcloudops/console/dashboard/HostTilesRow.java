package io.smartcloudops.console.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** One host's tiles: CPU, memory and disk gauges with sparklines, and the anomaly score. */
final class HostTilesRow extends HBox implements HostRow {

    static final double TILE = 132;

    private final HostTileModel model;
    private final Label name = new Label();
    private final List<Tile> tiles;
    private final Tile score;

    HostTilesRow(HostTileModel model, Runnable onSelect) {
        this.model = model;
        getStyleClass().add("host-row");
        setSpacing(6);
        setPadding(new Insets(4));
        setAlignment(Pos.CENTER_LEFT);
        name.setText(model.host());
        name.getStyleClass().add("host-name");
        name.setMinWidth(120);
        name.setPrefWidth(120);
        name.setWrapText(true);
        Tile cpu = gauge("CPU", model.cpuProperty());
        Tile mem = gauge("Memory", model.memProperty());
        Tile disk = gauge("Disk /", model.diskProperty());
        // A text tile, not a gauge: while the detector learns (or when the agent has none) there is no
        // score, and a gauge at 0 would claim "perfectly normal".
        score = TileBuilder.create()
                .skinType(Tile.SkinType.TEXT)
                .prefSize(TILE, TILE)
                .title("Anomaly score")
                .descriptionAlignment(Pos.CENTER)
                .textVisible(true)
                .animated(false)
                .build();
        score.setId("tile-" + model.host() + "-score");
        showScore(model);
        model.anomalyScoreProperty().addListener((o, a, b) -> showScore(model));
        model.detectorTextProperty().addListener((o, a, b) -> showScore(model));
        tiles = List.of(cpu, mem, disk, score);
        cpu.setId("tile-" + model.host() + "-cpu");
        mem.setId("tile-" + model.host() + "-mem");
        disk.setId("tile-" + model.host() + "-disk");
        VBox label = new VBox(name);
        label.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(label);
        getChildren().addAll(tiles);
        setOnMouseClicked(e -> onSelect.run());
    }

    private void showScore(HostTileModel m) {
        double v = m.anomalyScoreProperty().get();
        score.setDescription(Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", v));
        score.setText(m.detectorTextProperty().get());
    }

    @Override
    public HostTileModel model() {
        return model;
    }

    private static Tile gauge(String title, ReadOnlyDoubleProperty value) {
        Tile t = TileBuilder.create()
                .skinType(Tile.SkinType.GAUGE_SPARK_LINE)
                .prefSize(TILE, TILE)
                .title(title)
                .unit("%")
                .minValue(0).maxValue(100).decimals(1)
                .averagingEnabled(true).averagingPeriod(60)
                .animated(false)
                .build();
        bindValue(t, value);
        return t;
    }

    private static void bindValue(Tile t, ReadOnlyDoubleProperty value) {
        if (!Double.isNaN(value.get())) {
            t.setValue(value.get());
        }
        value.addListener((o, a, b) -> {
            if (!Double.isNaN(b.doubleValue())) {
                t.setValue(b.doubleValue());
            }
        });
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
    public void applyTheme(boolean dark) {
        Color bg = dark ? Color.web("#252a34") : Color.web("#ffffff");
        Color fg = dark ? Color.web("#e5e9f0") : Color.web("#263238");
        for (Tile t : tiles) {
            t.setBackgroundColor(bg);
            t.setForegroundColor(fg);
            t.setTitleColor(fg);
            t.setValueColor(fg);
            t.setUnitColor(fg);
            t.setTextColor(fg);
            t.setNeedleColor(fg);
            t.setDescriptionColor(fg);
            t.setBarBackgroundColor(dark ? Color.web("#3b4252") : Color.web("#cfd8dc"));
        }
    }
}
