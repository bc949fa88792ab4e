package io.smartcloudops.agent.detect;

import java.util.Arrays;

/**
 * The largest (or smallest) value of roughly the last {@code blocks x blockRows} rows, in bounded memory: one
 * float per block of rows instead of one entry per row. The oldest block leaves as a whole, so the horizon is
 * exact to within one block (for a 28-day horizon at 5-minute rows, 126 rows: about 10 hours).
 */
final class BlockExtreme {

    private final boolean max;
    private final int blockRows;
    private final float[] blocks;
    private int head;
    private int filled;
    private float current = Float.NaN;
    private int inBlock;
    private float complete = Float.NaN;

    BlockExtreme(boolean max, int blocks, int blockRows) {
        if (blocks < 1 || blockRows < 1) {
            throw new IllegalArgumentException("blocks and block rows must be positive");
        }
        this.max = max;
        this.blockRows = blockRows;
        this.blocks = new float[blocks];
    }

    /** One row's value (NaN: the row counts, the value does not). */
    void add(double value) {
        if (Double.isFinite(value)) {
            float v = (float) value;
            current = Float.isNaN(current) ? v : max ? Math.max(current, v) : Math.min(current, v);
        }
        if (++inBlock == blockRows) {
            blocks[head] = current;
            head = (head + 1) % blocks.length;
            filled = Math.min(filled + 1, blocks.length);
            current = Float.NaN;
            inBlock = 0;
            complete = scan();
        }
    }

    private float scan() {
        float e = Float.NaN;
        for (int i = 0; i < filled; i++) {
            e = combine(e, blocks[i]);
        }
        return e;
    }

    private float combine(float a, float b) {
        if (Float.isNaN(a)) {
            return b;
        }
        if (Float.isNaN(b)) {
            return a;
        }
        return max ? Math.max(a, b) : Math.min(a, b);
    }

    /** The extreme over the stored blocks and the current one; NaN when nothing was seen. */
    double get() {
        return combine(complete, current);
    }

    DetectorState.Extreme snapshot() {
        float[] inOrder = new float[filled];
        for (int i = 0; i < filled; i++) {
            inOrder[i] = blocks[Math.floorMod(head - filled + i, blocks.length)];
        }
        return new DetectorState.Extreme(max, blockRows, blocks.length, inOrder, current, inBlock);
    }

    static BlockExtreme restore(DetectorState.Extreme s) {
        BlockExtreme b = new BlockExtreme(s.max(), s.blocks(), s.blockRows());
        System.arraycopy(s.filled(), 0, b.blocks, 0, s.filled().length);
        b.filled = s.filled().length;
        b.head = b.filled % b.blocks.length;
        b.current = s.current();
        b.inBlock = s.inBlock();
        b.complete = b.scan();
        return b;
    }

    @Override
    public String toString() {
        return (max ? "max" : "min") + Arrays.toString(blocks);
    }
}
