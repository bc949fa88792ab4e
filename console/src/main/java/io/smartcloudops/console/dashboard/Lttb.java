package io.smartcloudops.console.dashboard;

/**
 * Largest-Triangle-Three-Buckets downsampling (Sveinn Steinarsson, 2013): keeps the first and last
 * point and, from each of {@code threshold - 2} buckets, the point that forms the largest triangle with
 * the point kept before it and the average of the next bucket. A chart a few hundred pixels wide needs
 * no more points than it has pixels, and LTTB keeps the spikes an operator looks for.
 */
public final class Lttb {

    private Lttb() {
    }

    /**
     * Downsamples {@code xs[from..to)} / {@code ys[from..to)} into {@code outX}/{@code outY}.
     *
     * @return the number of points written (all of them when there are no more than {@code threshold})
     */
    public static int downsample(long[] xs, double[] ys, int from, int to, int threshold, long[] outX, double[] outY) {
        int n = to - from;
        if (threshold >= n || threshold < 3) {
            int count = Math.max(0, n);
            System.arraycopy(xs, from, outX, 0, count);
            System.arraycopy(ys, from, outY, 0, count);
            return count;
        }
        double every = (double) (n - 2) / (threshold - 2);
        int a = from;
        int out = 0;
        outX[out] = xs[a];
        outY[out] = ys[a];
        out++;
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = from + (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = Math.min(from + (int) Math.floor((i + 2) * every) + 1, to);
            double avgX = 0;
            double avgY = 0;
            int avgLen = avgEnd - avgStart;
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += xs[j];
                avgY += ys[j];
            }
            if (avgLen > 0) {
                avgX /= avgLen;
                avgY /= avgLen;
            } else {
                avgX = xs[to - 1];
                avgY = ys[to - 1];
            }
            int rangeStart = from + (int) Math.floor(i * every) + 1;
            int rangeEnd = from + (int) Math.floor((i + 1) * every) + 1;
            double ax = xs[a];
            double ay = ys[a];
            double maxArea = -1;
            int chosen = rangeStart;
            for (int j = rangeStart; j < rangeEnd; j++) {
                double area = Math.abs((ax - avgX) * (ys[j] - ay) - (ax - xs[j]) * (avgY - ay));
                if (area > maxArea) {
                    maxArea = area;
                    chosen = j;
                }
            }
            outX[out] = xs[chosen];
            outY[out] = ys[chosen];
            out++;
            a = chosen;
        }
        outX[out] = xs[to - 1];
        outY[out] = ys[to - 1];
        return out + 1;
    }
}
