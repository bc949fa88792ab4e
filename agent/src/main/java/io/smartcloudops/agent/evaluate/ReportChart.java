package io.smartcloudops.agent.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import smile.plot.swing.Figure;
import smile.plot.swing.Histogram;
import smile.plot.swing.Line;
import smile.plot.swing.LinePlot;
import smile.plot.swing.Point;

/**
 * The evaluation report PNG, drawn with smile-plot: per series the values with the labelled windows
 * (red bars above the data), the alarms (red crosses) and the end of the fitted rows (grey line), next to
 * the distribution of its anomaly scores after the fitted rows.
 */
public final class ReportChart {

    private static final int SERIES_WIDTH = 1150;
    private static final int HIST_WIDTH = 430;
    private static final int ROW_HEIGHT = 230;
    private static final int HEADER = 26;
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(44, 160, 44), new Color(148, 103, 189),
        new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34)};

    /**
     * One panel.
     *
     * @param columns      value columns (one per metric; several are drawn normalised to 0..1)
     * @param names        their names
     * @param windows      labelled windows as [first row, last row]
     * @param alarms       alarm rows
     * @param learningRows rows the detector fitted on
     * @param scores       anomaly score per row
     */
    public record Panel(String title, double[][] columns, String[] names, List<int[]> windows, int[] alarms,
                        int learningRows, double[] scores) {
    }

    private ReportChart() {
    }

    public static void write(Path png, List<Panel> panels, String heading) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = SERIES_WIDTH + HIST_WIDTH;
        int height = 40 + panels.size() * (ROW_HEIGHT + HEADER);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(heading, 10, 26);
        int y = 40;
        for (Panel p : panels) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(p.title(), 10, y + 17);
            g.drawImage(series(p).toBufferedImage(SERIES_WIDTH, ROW_HEIGHT), 0, y + HEADER, null);
            g.drawImage(histogram(p).toBufferedImage(HIST_WIDTH, ROW_HEIGHT), SERIES_WIDTH, y + HEADER, null);
            g.setColor(new Color(220, 220, 220));
            g.setStroke(new BasicStroke(1));
            g.drawLine(0, y, width, y);
            y += ROW_HEIGHT + HEADER;
        }
        g.dispose();
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static Figure series(Panel p) {
        int n = p.columns()[0].length;
        boolean normalise = p.columns().length > 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[][]> lines = new ArrayList<>();
        for (double[] col : p.columns()) {
            double cMin = Double.POSITIVE_INFINITY;
            double cMax = Double.NEGATIVE_INFINITY;
            for (double v : col) {
                if (Double.isFinite(v)) {
                    cMin = Math.min(cMin, v);
                    cMax = Math.max(cMax, v);
                }
            }
            double span = cMax > cMin ? cMax - cMin : 1;
            List<double[]> pts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(col[i])) {
                    pts.add(new double[] {i, normalise ? (col[i] - cMin) / span : col[i]});
                }
            }
            if (!pts.isEmpty()) {
                lines.add(pts.toArray(double[][]::new));
                lo = Math.min(lo, normalise ? 0 : cMin);
                hi = Math.max(hi, normalise ? 1 : cMax);
            }
        }
        if (!(hi > lo)) {
            lo = lo - 1;
            hi = lo + 2;
        }
        double span = hi - lo;
        double band = hi + 0.06 * span;
        Figure f = new Figure(new double[] {0, lo - 0.02 * span}, new double[] {Math.max(1, n - 1), hi + 0.1 * span});
        for (int k = 0; k < lines.size(); k++) {
            Color c = PALETTE[k % PALETTE.length];
            f.add(new LinePlot(new Line(lines.get(k), Line.Style.SOLID, ' ', c)));
        }
        for (int[] w : p.windows()) {
            f.add(new Line(new double[][] {{w[0], band}, {w[1], band}}, Line.Style.SOLID, ' ', Color.RED));
            f.add(new Line(new double[][] {{w[0], band - 0.01 * span}, {w[1], band - 0.01 * span}}, Line.Style.SOLID, ' ', Color.RED));
        }
        f.add(new Line(new double[][] {{p.learningRows(), lo}, {p.learningRows(), hi}}, Line.Style.DASH, ' ', Color.GRAY));
        if (p.alarms().length > 0) {
            double[][] pts = new double[p.alarms().length][];
            for (int k = 0; k < pts.length; k++) {
                int row = p.alarms()[k];
                double v = lines.isEmpty() ? band : valueAt(lines.getFirst(), row, band);
                pts[k] = new double[] {row, v};
            }
            f.add(new Point(pts, 'x', Color.RED));
            f.add(new Point(pts, 'O', Color.RED));
        }
        f.setAxisLabels("row", normalise ? "value (normalised: " + String.join(", ", p.names()) + ")" : p.names()[0]);
        f.setLegendVisible(false);
        return f;
    }

    private static double valueAt(double[][] line, int row, double fallback) {
        for (double[] pt : line) {
            if ((int) pt[0] == row) {
                return pt[1];
            }
        }
        return fallback;
    }

    private static Figure histogram(Panel p) {
        int from = Math.min(p.learningRows(), p.scores().length);
        int scored = p.scores().length - from;
        // most rows score exactly 0 (nothing novel): show the rest, and say how many were 0
        double[] s = java.util.Arrays.stream(p.scores(), from, p.scores().length).filter(v -> v > 0).toArray();
        double[] breaks = new double[21];
        for (int i = 0; i <= 20; i++) {
            breaks[i] = i / 20.0;
        }
        Figure f = s.length == 0 ? new Figure(new double[] {0, 0}, new double[] {1, 1})
                : Histogram.of(s, breaks, true, new Color(31, 119, 180)).figure();
        f.setAxisLabels(String.format(Locale.ROOT, "score > 0 (threshold 0.5): %d of %d rows", s.length, scored), "share");
        return f;
    }
}
