package io.smartcloudops.console.dashboard;

import io.smartcloudops.console.fx.FxThread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import io.smartcloudops.console.shell.Toolbar;

/**
 * The dashboard screen: host tile rows on top, the selected host's six charts below, host and range
 * selectors. Charts are redrawn at most once a second, and only when their data changed.
 */
public final class DashboardView extends BorderPane {

    private final DashboardViewModel vm;
    private final VBox rows = new VBox(4);
    private final int maxPointsOverride;
    /** Up to this many hosts each get a TilesFX tile row; a larger fleet gets compact lines (memory). */
    static final int TILE_ROWS_UP_TO = 8;

    private final Map<String, HostRow> rowsByHost = new HashMap<>();
    private final List<TimeSeriesChart> charts = new ArrayList<>();
    private final ComboBox<String> hostChoice = new ComboBox<>();
    private final ToggleGroup rangeGroup = new ToggleGroup();
    private ScrollPane tilesScroll;
    private final Timeline redraw;
    private long drawnVersion = -1;
    private long lastDrawNanos;
    private boolean drawPending;
    private boolean compact;
    private boolean dark = true;
    private double fontSize = 12;
    private Runnable afterDraw = () -> { };
    private boolean userMovedDivider;
    private boolean placingDivider;

    public DashboardView(DashboardViewModel vm) {
        this(vm, 0);
    }

    /**
     * @param maxPointsOverride points per line when positive (the benchmark's baseline draws every point);
     *                          0 = one point per two pixels (LTTB)
     */
    public DashboardView(DashboardViewModel vm, int maxPointsOverride) {
        this.vm = vm;
        this.maxPointsOverride = maxPointsOverride;
        getStyleClass().add("dashboard");
        setId("dashboard");

        hostChoice.setId("host-choice");
        hostChoice.setPromptText("no host yet");
        hostChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.selectedHostProperty().get())) {
                vm.selectedHostProperty().set(b);
            }
        });
        vm.selectedHostProperty().addListener((o, a, b) -> {
            hostChoice.setValue(b);
            rowsByHost.forEach((h, r) -> r.selected(h.equals(b)));
            javafx.application.Platform.runLater(() -> scrollTo(b));
        });
        HBox ranges = new HBox(2);
        for (TimeRange r : TimeRange.values()) {
            ToggleButton b = new ToggleButton(r.label());
            b.setId("range-" + r.label());
            b.setUserData(r);
            b.setToggleGroup(rangeGroup);
            b.setSelected(r == vm.rangeProperty().get());
            ranges.getChildren().add(b);
        }
        rangeGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.rangeProperty().set((TimeRange) b.getUserData());
            }
        });
        vm.rangeProperty().addListener((o, a, b) -> rangeGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == b)));
        Label title = new Label("Dashboard");
        title.getStyleClass().add("screen-title");
        Label hostCount = new Label();
        hostCount.setId("host-count");
        hostCount.getStyleClass().add("empty-hint");
        hostCount.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> hostCountText(vm.hosts().size()), vm.hosts()));
        Label footprint = new Label();
        footprint.setId("agent-footprint");
        footprint.getStyleClass().add("empty-hint");
        footprint.textProperty().bind(vm.agentFootprintProperty());
        for (javafx.scene.Node b : ranges.getChildren()) {
            ((Region) b).setMinWidth(Region.USE_PREF_SIZE);
        }
        Toolbar toolbar = new Toolbar(Toolbar.group(title, hostCount), footprint, Toolbar.group(new Label("Host"), hostChoice),
                Toolbar.group(new Label("Range"), ranges));

        ScrollPane tilesScroll = new ScrollPane(rows);
        tilesScroll.setId("host-tiles");
        tilesScroll.setFitToWidth(true);
        tilesScroll.setMinHeight(HostTilesRow.TILE + 12);
        this.tilesScroll = tilesScroll;
        Label noHosts = new Label("No hosts yet: the agent has not reported any sample.");
        noHosts.getStyleClass().add("empty-hint");
        rows.getChildren().add(noHosts);
        FxThread.shown(vm.hosts(), "the dashboard's host rows").addListener((ListChangeListener<HostTileModel>) c -> {
            boolean compactNow = vm.hosts().size() > TILE_ROWS_UP_TO;
            if (compactNow != compact) {
                compact = compactNow;
                rows.getChildren().clear();
                rowsByHost.values().forEach(HostRow::dispose);
                rowsByHost.clear();
                vm.hosts().forEach(this::addRow);
                return;
            }
            while (c.next()) {
                for (HostTileModel m : c.getAddedSubList()) {
                    rows.getChildren().remove(noHosts);
                    addRow(m);
                }
            }
            String selected = vm.selectedHostProperty().get();
            javafx.application.Platform.runLater(() -> scrollTo(selected));
        });

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 3; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / 3);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < ChartSpec.DEFAULT.size(); i++) {
            TimeSeriesChart chart = new TimeSeriesChart();
            chart.setId("chart-" + ChartSpec.DEFAULT.get(i).metrics().getFirst().key());
            chart.widthProperty().addListener((o, a, b) -> requestRedraw());
            charts.add(chart);
            grid.add(chart, i % 2, i / 2);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        grid.setMinHeight(3 * 120 + 24);
        // Host rows above, charts below, the divider draggable: it starts where up to three tile rows (or
        // eight compact lines) fit in at most half the height, so several hosts are in view at once.
        javafx.scene.control.SplitPane body = new javafx.scene.control.SplitPane(tilesScroll, grid);
        body.setId("dashboard-split");
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        javafx.scene.control.SplitPane.setResizableWithParent(tilesScroll, false);
        Runnable placeDivider = () -> {
            if (userMovedDivider || body.getHeight() <= 0) {
                return;
            }
            double wanted = rows.prefHeight(body.getWidth()) + 6;
            double cap = Math.max(HostTilesRow.TILE + 12, Math.min(body.getHeight() / 2, maxTileAreaHeight()));
            placingDivider = true;
            body.setDividerPositions(Math.min(wanted, cap) / body.getHeight());
            placingDivider = false;
        };
        // after the split's own layout, which keeps the host area's height when the window is resized
        body.heightProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(placeDivider));
        rows.heightProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(placeDivider));
        body.getDividers().getFirst().positionProperty().addListener((o, a, b) -> {
            if (!placingDivider && body.getHeight() > 0 && Math.abs(a.doubleValue() - b.doubleValue()) > 0.001
                    && body.isPressed()) {
                userMovedDivider = true;
            }
        });
        setTop(toolbar);
        setCenter(body);

        // At most one redraw a second, but the first change after a quiet second draws at once.
        // While the charts are empty, data is drawn the moment it arrives.
        vm.dataVersionProperty().addListener((o, a, b) -> {
            if (!drawPending && (System.nanoTime() - lastDrawNanos >= 1_000_000_000L || nothingDrawn())) {
                drawPending = true;
                javafx.application.Platform.runLater(this::redrawIfChanged);
            }
        });
        vm.rangeProperty().addListener((o, a, b) -> requestRedraw());
        vm.selectedHostProperty().addListener((o, a, b) -> requestRedraw());
        vm.connectionProperty().addListener((o, a, b) -> requestRedraw());
        redraw = new Timeline(new KeyFrame(Duration.seconds(1), e -> redrawIfChanged()));
        redraw.setCycleCount(Timeline.INDEFINITE);
        redraw.play();
        requestRedraw();
    }

    /** Three tile rows, or eight compact lines: the most the host area takes before it scrolls. */
    private double maxTileAreaHeight() {
        return compact ? 8 * 46 + 8 : 3 * (HostTilesRow.TILE + 12) + 8;
    }

    /** "1 host", "3 hosts", with the keys that step through them. */
    static String hostCountText(int n) {
        return n == 0 ? "no hosts yet" : n + (n == 1 ? " host" : " hosts") + (n > 1 ? " (Alt+Up/Down)" : "");
    }

    private void addRow(HostTileModel m) {
        if (!hostChoice.getItems().contains(m.host())) {
            hostChoice.getItems().add(m.host());
        }
        HostRow row = compact ? new CompactHostRow(m, () -> vm.selectedHostProperty().set(m.host()))
                : new HostTilesRow(m, () -> vm.selectedHostProperty().set(m.host()));
        row.applyTheme(dark);
        row.selected(m.host().equals(vm.selectedHostProperty().get()));
        rowsByHost.put(m.host(), row);
        rows.getChildren().add((javafx.scene.Node) row);
    }

    /** Scrolls the tile rows so the selected host's row is the one in view. */
    private void scrollTo(String host) {
        HostRow found = rowsByHost.get(host);
        if (found == null || tilesScroll == null) {
            return;
        }
        javafx.scene.Node row = (javafx.scene.Node) found;
        double content = rows.getHeight();
        double viewport = tilesScroll.getViewportBounds().getHeight();
        if (content > viewport) {
            tilesScroll.setVvalue(Math.min(1, row.getBoundsInParent().getMinY() / (content - viewport)));
        }
    }

    private boolean nothingDrawn() {
        return charts.stream().allMatch(c -> c.data() == null || c.data().pointCount() == 0);
    }

    private void requestRedraw() {
        drawnVersion = -1;
        javafx.application.Platform.runLater(this::redrawIfChanged);
    }

    private void redrawIfChanged() {
        drawPending = false;
        long v = vm.dataVersionProperty().get();
        if (v == drawnVersion) {
            return;
        }
        drawnVersion = v;
        redrawAll();
    }

    /** Redraws every chart from the view-model now (also used by the benchmark). */
    public void redrawAll() {
        lastDrawNanos = System.nanoTime();
        for (int i = 0; i < charts.size(); i++) {
            TimeSeriesChart chart = charts.get(i);
            chart.setData(vm.chartData(ChartSpec.DEFAULT.get(i), maxPointsOverride > 0 ? maxPointsOverride : chart.maxPoints()));
        }
        afterDraw.run();
    }

    /** Called after each redraw (the start-up benchmark waits for the first one with live data). */
    public void setAfterDraw(Runnable r) {
        this.afterDraw = r;
    }

    public List<TimeSeriesChart> charts() {
        return List.copyOf(charts);
    }

    public void applyTheme(boolean darkTheme, double baseFontSize) {
        this.dark = darkTheme;
        this.fontSize = baseFontSize;
        rowsByHost.values().forEach(r -> r.applyTheme(darkTheme));
        charts.forEach(c -> c.setTheme(darkTheme, baseFontSize));
    }

    public void stop() {
        redraw.stop();
    }
}
