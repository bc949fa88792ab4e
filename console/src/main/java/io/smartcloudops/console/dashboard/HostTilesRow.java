package io.smartcloudops.console.dashboard;

import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** One host's tiles: CPU, memory and disk gauges with sparklines, and the anomaly score. */
final class HostTilesRow extends HBox implements HostRow {

    static final double TILE = 120;

    private final HostTileModel model;
    private final Label name = new Label();
    private final List<Tile> tiles;
    private final Tile score;
    /** What the row listens to on the model, so {@link #dispose()} can let go of it. */
    private final List<Runnable> unlisten = new ArrayList<>();
    private boolean dark = true;
    /** The theme the tiles were last painted in (null: not yet). */
    private Boolean painted;

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
        Tile cpu = gauge("CPU");
        Tile mem = gauge("Memory");
        Tile disk = gauge("Disk /");
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
        tiles = List.of(cpu, mem, disk, score);
        cpu.setId("tile-" + model.host() + "-cpu");
        mem.setId("tile-" + model.host() + "-mem");
        disk.setId("tile-" + model.host() + "-disk");
        follow(model.cpuProperty(), () -> show(cpu, model.cpuProperty().get()));
        follow(model.memProperty(), () -> show(mem, model.memProperty().get()));
        follow(model.diskProperty(), () -> show(disk, model.diskProperty().get()));
        follow(model.anomalyScoreProperty(), this::showScore);
        follow(model.detectorTextProperty(), this::showScore);
        // A tile queues every change it cannot draw (TilesFX fires its events only while shown), so the
        // row updates its tiles only while it is in a scene, and catches up when it comes back.
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                refresh();
            }
        });
        VBox label = new VBox(name);
        label.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(label);
        getChildren().addAll(tiles);
        setOnMouseClicked(e -> onSelect.run());
    }

    private void follow(javafx.beans.value.ObservableValue<?> value, Runnable update) {
        javafx.beans.value.ChangeListener<Object> l = (o, a, b) -> {
            if (getScene() != null) {
                update.run();
            }
        };
        value.addListener(l);
        unlisten.add(() -> value.removeListener(l));
    }

    private void refresh() {
        paint();
        show(tiles.get(0), model.cpuProperty().get());
        show(tiles.get(1), model.memProperty().get());
        show(tiles.get(2), model.diskProperty().get());
        showScore();
    }

    private static void show(Tile t, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        Color level = GaugeLevel.of(v).colour();
        if (!level.equals(t.getBarColor())) {
            t.setBarColor(level);
        }
        t.setValue(v);
    }

    private void showScore() {
        double v = model.anomalyScoreProperty().get();
        score.setDescription(Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", v));
        score.setText(model.detectorTextProperty().get());
    }

    @Override
    public void dispose() {
        unlisten.forEach(Runnable::run);
        unlisten.clear();
    }

    @Override
    public HostTileModel model() {
        return model;
    }

    private static Tile gauge(String title) {
        // A fixed 0-100 % scale for the sparkline too: auto-scaled, a disk constant at 69.6 % drew a 0.1 %
        // wobble as a full-height jump.
        return TileBuilder.create()
                .skinType(Tile.SkinType.GAUGE_SPARK_LINE)
                .prefSize(TILE, TILE)
                .title(title)
                .unit("%")
                .minValue(0).maxValue(100).decimals(1)
                .fixedYScale(true)
                .barColor(GaugeLevel.NORMAL.colour())
                // the arc takes its colour from the section the value is in (the bar colour only colours the
                // sparkline once the tile is drawn)
                .sections(new Section(0, GaugeLevel.HIGH_FROM, GaugeLevel.NORMAL.colour()),
                        new Section(GaugeLevel.HIGH_FROM, GaugeLevel.CRITICAL_FROM, GaugeLevel.HIGH.colour()),
                        new Section(GaugeLevel.CRITICAL_FROM, 100.001, GaugeLevel.CRITICAL.colour()))
                .sectionsVisible(true)
                .averagingEnabled(true).averagingPeriod(60)
                .animated(false)
                .build();
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
    public void applyTheme(boolean darkTheme) {
        this.dark = darkTheme;
        if (getScene() != null) {
            paint();
        }
    }

    private void paint() {
        if (painted != null && painted == dark) {
            return;
        }
        painted = dark;
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
