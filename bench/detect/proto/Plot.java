import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import javax.imageio.ImageIO;

/** Minimal PNG plot: value + expected (top), score (bottom), windows, alarms, probation line. */
public class Plot {
    public static void write(String file, String title, double[] x, double[] expected, double[] lo, double[] hi, double[] score, double thr,
                             List<int[]> windows, int[] alarms, int probation, int from, int to) throws Exception {
        int W = 1800, H = 700, top = 30, h1 = 420, h2 = 200, left = 60;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE); g.fillRect(0, 0, W, H);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK); g.drawString(title, 10, 18);
        to = Math.min(to, x.length);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) { if (!Double.isNaN(x[i])) { min = Math.min(min, x[i]); max = Math.max(max, x[i]); } }
        if (max <= min) max = min + 1;
        double smax = thr * 3;
        for (int i = from; i < to; i++) if (!Double.isNaN(score[i])) smax = Math.max(smax, Math.min(score[i], thr * 6));
        int pw = W - left - 20;
        for (int[] w : windows) {
            int a = left + (int) ((double) (w[0] - from) / (to - from) * pw), b = left + (int) ((double) (w[1] - from) / (to - from) * pw);
            g.setColor(new Color(255, 220, 220)); g.fillRect(a, top, Math.max(1, b - a), h1 + h2 + 20);
        }
        int px = left + (int) ((double) (probation - from) / (to - from) * pw);
        g.setColor(Color.GRAY); g.drawLine(px, top, px, top + h1 + h2 + 20);
        g.setColor(Color.BLACK); g.drawString(String.format("%.4g", max), 2, top + 10); g.drawString(String.format("%.4g", min), 2, top + h1);
        double fmin = min, fmax = max;
        java.util.function.DoubleUnaryOperator yv = v -> top + h1 - (v - fmin) / (fmax - fmin) * h1;
        int y2 = top + h1 + 20;
        java.util.function.DoubleUnaryOperator ys = v -> y2 + h2 - Math.min(v, 1e9) / 1 * 0;
        for (int pass = 0; pass < 4; pass++) {
            double[] s = pass == 0 ? hi : pass == 1 ? lo : pass == 2 ? x : expected;
            if (s == null) continue;
            g.setColor(pass < 2 ? new Color(180, 200, 255) : pass == 2 ? new Color(30, 90, 200) : new Color(255, 140, 0));
            int lx = -1, ly = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(s[i])) { lx = -1; continue; }
                int xx = left + (int) ((double) (i - from) / (to - from) * pw);
                int yy = (int) yv.applyAsDouble(Math.max(fmin - (fmax - fmin) * 0.1, Math.min(fmax + (fmax - fmin) * 0.1, s[i])));
                if (lx >= 0) g.drawLine(lx, ly, xx, yy);
                lx = xx; ly = yy;
            }
        }
        g.setColor(Color.LIGHT_GRAY); g.drawRect(left, y2, pw, h2);
        int ty = (int) (y2 + h2 - thr / smax * h2);
        g.setColor(Color.RED); g.drawLine(left, ty, left + pw, ty);
        g.setColor(new Color(0, 120, 0));
        int lx = -1, ly = -1;
        for (int i = from; i < to; i++) {
            int xx = left + (int) ((double) (i - from) / (to - from) * pw);
            int yy = (int) (y2 + h2 - Math.min(score[i], smax) / smax * h2);
            if (lx >= 0) g.drawLine(lx, ly, xx, yy);
            lx = xx; ly = yy;
        }
        g.setColor(Color.RED);
        for (int a : alarms) {
            if (a < from || a >= to) continue;
            int xx = left + (int) ((double) (a - from) / (to - from) * pw);
            g.fillOval(xx - 4, top + h1 + 5, 8, 8);
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i <= 10; i++) { int r = from + (to - from) * i / 10; g.drawString(String.valueOf(r), left + pw * i / 10 - 10, H - 5); }
        ImageIO.write(img, "png", new File(file));
    }
}
