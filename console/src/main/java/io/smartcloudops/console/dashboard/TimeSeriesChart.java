package io.smartcloudops.console.dashboard;

import io.smartcloudops.api.Metric;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A time-series chart drawn on a canvas: lines (gaps left open), time and value axes, markers for
 * anomalies and remediations, and — when there are no points — the reason in the middle. A canvas
 * redraw of a few hundred downsampled points per line is far cheaper than a scene graph of them.
 */
public final class TimeSeriesChart extends Region {

    private static final Color[] LINE_COLOURS = {Color.web("#4fc3f7"), Color.web("#ffb74d")};
    private static final Color ANOMALY = Color.web("#ef5350");
    private static final Color REMEDIATION = Color.web("#66bb6a");

    private final Canvas canvas = new Canvas();
    private ChartData data;
    /** The marker labels as last drawn, and their markers' x: what a test checks for overlaps. */
    private List<DrawnLabel> drawnLabels = List.of();
    private boolean dark = true;
    private double fontSize = 12;

    public TimeSeriesChart() {
        getChildren().add(canvas);
        getStyleClass().add("time-series-chart");
        setMinSize(200, 120);
        setPrefSize(420, 180);
    }

    public void setTheme(boolean darkTheme, double baseFontSize) {
        this.dark = darkTheme;
        this.fontSize = baseFontSize;
        draw();
    }

    public void setData(ChartData d) {
        this.data = d;
        draw();
    }

    public ChartData data() {
        return data;
    }

    /** Points per line worth drawing at this width: one per two pixels. */
    public int maxPoints() {
        return Math.max(50, (int) (getWidth() / 2));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Color bg = dark ? Color.web("#1e2129") : Color.web("#ffffff");
        Color fg = dark ? Color.web("#d8dee9") : Color.web("#263238");
        Color grid = dark ? Color.web("#333844") : Color.web("#e3e7ea");
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        drawnLabels = List.of();
        if (data == null || w < 10 || h < 10) {
            return;
        }
        Font font = Font.font(fontSize);
        Font titleFont = Font.font(null, javafx.scene.text.FontWeight.BOLD, fontSize);
        double left = data.spec().isPercent() ? fontSize * 3.4 : fontSize * 5.2;
        double right = fontSize * 1.8;
        double top = fontSize * 2;
        List<String> times = TimeAxis.labels(data.fromMillis(), data.toMillis(), 4, ZoneId.systemDefault());
        double bottom = fontSize * (times.stream().anyMatch(t -> t.contains("\n")) ? 3.1 : 1.8);
        double pw = Math.max(1, w - left - right);
        double ph = Math.max(1, h - top - bottom);

        g.setFill(fg);
        g.setFont(titleFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(data.spec().title() + latestText(), 8, 4);

        AxisScale scale = yScale();
        double[] yr = {0, scale.top()};
        g.setStroke(grid);
        g.setLineWidth(1);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i <= scale.steps(); i++) {
            double v = scale.step() * i;
            double y = top + ph - ph * v / yr[1];
            g.strokeLine(left, y, left + pw, y);
            g.setFill(fg);
            g.fillText(scale.label(v), left - 4, y);
        }
        long span = Math.max(1, data.toMillis() - data.fromMillis());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i <= 4; i++) {
            double x = left + pw * i / 4;
            g.strokeLine(x, top, x, top + ph);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == 4 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(times.get(i), i == 0 ? x - 2 : i == 4 ? x + 2 : x, top + ph + 3);
        }
        g.setTextAlign(TextAlignment.CENTER);

        drawBands(g, left, top, pw, ph, yr, span);

        List<ChartData.Line> lines = data.lines();
        for (int li = 0; li < lines.size(); li++) {
            ChartData.Line line = lines.get(li);
            g.setStroke(LINE_COLOURS[li % LINE_COLOURS.length]);
            g.setLineWidth(1.6);
            boolean open = false;
            long prev = Long.MIN_VALUE;
            g.beginPath();
            for (int i = 0; i < line.count(); i++) {
                double x = left + pw * (line.times()[i] - data.fromMillis()) / span;
                double y = top + ph - ph * (line.values()[i] - yr[0]) / (yr[1] - yr[0]);
                if (!open || line.times()[i] - prev > data.gapMillis()) {
                    g.moveTo(x, y);
                    open = true;
                } else {
                    g.lineTo(x, y);
                }
                prev = line.times()[i];
            }
            g.stroke();
            if (line.count() == 1) {
                double x = left + pw * (line.times()[0] - data.fromMillis()) / span;
                double y = top + ph - ph * (line.values()[0] - yr[0]) / (yr[1] - yr[0]);
                g.setFill(g.getStroke());
                g.fillOval(x - 2.5, y - 2.5, 5, 5);
            }
        }
        if (lines.size() > 1) {
            double x = left + pw - 4;
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            for (int li = lines.size() - 1; li >= 0; li--) {
                String label = lines.get(li).label();
                g.setFill(LINE_COLOURS[li % LINE_COLOURS.length]);
                g.fillText(label, x, top + 2);
                x -= textWidth(label, font) + 12;
            }
        }

        // the lines first, then their labels on a background of the plot's colour (MarkerLabels: clear of each other,
        // of the legend and of the other lines)
        List<ChartMarker> markers = data.markers();
        double[] xs = new double[markers.size()];
        double[] widths = new double[markers.size()];
        for (int i = 0; i < markers.size(); i++) {
            ChartMarker m = markers.get(i);
            xs[i] = left + pw * (m.at().toEpochMilli() - data.fromMillis()) / span;
            widths[i] = textWidth(m.label(), font);
            g.setStroke(colour(m));
            g.setLineWidth(2);
            g.setLineDashes(4, 3);
            g.strokeLine(xs[i], top, xs[i], top + ph);
            g.setLineDashes();
        }
        double rowHeight = fontSize + 3;
        int rows = Math.max(1, (int) (ph / 2 / rowHeight));
        double[] legend = null;
        if (data.lines().size() > 1) {
            double legendWidth = 0;
            for (ChartData.Line l : data.lines()) {
                legendWidth += textWidth(l.label(), font) + 12;
            }
            legend = new double[] {left + pw - 4 - legendWidth, left + pw};
        }
        List<MarkerLabels.Placed> placed = MarkerLabels.place(xs, widths, left + 2, w - 2, rows, legend);
        List<DrawnLabel> drawn = new ArrayList<>();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < markers.size(); i++) {
            MarkerLabels.Placed p = placed.get(i);
            if (p == null) {
                continue;
            }
            double y = top + 2 + p.row() * rowHeight;
            g.setFill(bg.deriveColor(0, 1, 1, 0.85));
            // half a pixel each side: a line MarkerLabels.LINE_GAP away stays whole
            g.fillRect(p.x0() - 0.5, y - 1, p.x1() - p.x0() + 1, rowHeight - 1);
            g.setFill(colour(markers.get(i)));
            g.fillText(markers.get(i).label(), p.x0(), y);
            drawn.add(new DrawnLabel(markers.get(i).label(), xs[i], p.x0(), y, widths[i], rowHeight - 3));
        }
        drawnLabels = List.copyOf(drawn);

        data.emptyReason().ifPresent(reason -> {
            g.setFill(dark ? Color.web("#1e2129cc") : Color.web("#ffffffcc"));
            g.fillRect(left, top, pw, ph);
            g.setFill(dark ? Color.web("#ffcc80") : Color.web("#8d4a00"));
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            wrapText(g, reason, left + pw / 2, top + ph / 2, pw - 20);
        });
    }

    /**
     * The band the detector expected of each line, behind the lines in the line's colour: a translucent span
     * between the lower and upper edge, and the expected value as a faint dashed line. Clipped to the plot.
     */
    private void drawBands(GraphicsContext g, double left, double top, double pw, double ph, double[] yr, long span) {
        g.save();
        g.beginPath();
        g.rect(left, top, pw, ph);
        g.clip();
        List<ChartData.Line> lines = data.lines();
        for (int li = 0; li < lines.size(); li++) {
            ChartData.Band b = lines.get(li).band();
            if (b == null) {
                continue;
            }
            Color c = LINE_COLOURS[li % LINE_COLOURS.length];
            for (int i = 0; i < b.count(); i++) {
                double x0 = left + pw * (b.from()[i] - data.fromMillis()) / span;
                double x1 = Math.max(x0 + 1, left + pw * (b.to()[i] - data.fromMillis()) / span);
                double yHi = top + ph - ph * (b.upper()[i] - yr[0]) / (yr[1] - yr[0]);
                double yLo = top + ph - ph * (b.lower()[i] - yr[0]) / (yr[1] - yr[0]);
                double yEx = top + ph - ph * (b.expected()[i] - yr[0]) / (yr[1] - yr[0]);
                g.setFill(c.deriveColor(0, 1, 1, 0.16));
                g.fillRect(x0, yHi, x1 - x0, Math.max(1, yLo - yHi));
                g.setStroke(c.deriveColor(0, 1, 1, 0.45));
                g.setLineWidth(1);
                g.setLineDashes(3, 3);
                g.strokeLine(x0, yEx, x1, yEx);
                g.setLineDashes();
            }
        }
        g.restore();
    }

    private static void wrapText(GraphicsContext g, String text, double cx, double cy, double maxWidth) {
        int perLine = Math.max(20, (int) (maxWidth / (g.getFont().getSize() * 0.55)));
        StringBuilder out = new StringBuilder();
        int lineLen = 0;
        for (String word : text.split(" ")) {
            if (lineLen + word.length() + 1 > perLine && lineLen > 0) {
                out.append('\n');
                lineLen = 0;
            } else if (lineLen > 0) {
                out.append(' ');
                lineLen++;
            }
            out.append(word);
            lineLen += word.length();
        }
        g.fillText(out.toString(), cx, cy);
    }

    private String latestText() {
        ChartData.Line first = data.lines().getFirst();
        Metric m = data.spec().metrics().getFirst();
        if (Double.isNaN(first.latest())) {
            return "";
        }
        StringBuilder sb = new StringBuilder("   ");
        for (int i = 0; i < data.lines().size(); i++) {
            if (i > 0) {
                sb.append(" / ");
            }
            sb.append(data.spec().metrics().get(i).format(data.lines().get(i).latest()));
        }
        return m == null ? "" : sb.toString();
    }

    private AxisScale yScale() {
        Metric m = data.spec().metrics().getFirst();
        if (data.spec().isPercent()) {
            return AxisScale.percent();
        }
        double max = 0;
        for (ChartData.Line l : data.lines()) {
            for (int i = 0; i < l.count(); i++) {
                max = Math.max(max, l.values()[i]);
            }
        }
        // the band shows too, but a wide one must not flatten the line: at most twice the line's height
        double bandMax = 0;
        for (ChartData.Line l : data.lines()) {
            ChartData.Band band = l.band();
            for (int i = 0; band != null && i < band.count(); i++) {
                bandMax = Math.max(bandMax, band.upper()[i]);
            }
        }
        max = max > 0 ? Math.max(max, Math.min(bandMax, 2 * max)) : bandMax;
        return m == Metric.NET_IN || m == Metric.NET_OUT ? AxisScale.bytesPerSecond(max) : AxisScale.plain(max);
    }

    /** The marker labels as last drawn. */
    List<DrawnLabel> drawnLabels() {
        return drawnLabels;
    }

    /** A marker label as drawn: its text, its marker's x, and its box. */
    record DrawnLabel(String text, double markerX, double x, double y, double width, double height) {
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static Color colour(ChartMarker m) {
        return m.kind() == ChartMarker.Kind.ANOMALY ? ANOMALY : REMEDIATION;
    }
}
