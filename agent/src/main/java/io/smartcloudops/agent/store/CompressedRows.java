package io.smartcloudops.agent.store;

import java.util.Optional;

/**
 * Rows of a timestamp and a few double columns, compressed with the series store's codec and checksums
 * ({@link SealedBlock}) for other in-memory histories (the band history of {@code detectorview.BandTrack}).
 * Immutable. Every value round-trips bit for bit; a block that does not decode to what it says it holds is
 * reported as empty, for the holder to drop.
 */
public final class CompressedRows {

    /** The decoded rows: timestamps, and one array per column. */
    public record Rows(long[] times, double[][] columns) {
    }

    private final SealedBlock block;
    private final int columns;

    private CompressedRows(SealedBlock block, int columns) {
        this.block = block;
        this.columns = columns;
    }

    /** Compresses the first {@code count} rows ({@code times} strictly increasing). */
    public static CompressedRows of(long[] times, double[][] columns, int count) {
        return new CompressedRows(SealedBlock.seal(times, columns, count), columns.length);
    }

    public int count() {
        return block.count();
    }

    public long firstTime() {
        return block.firstTime();
    }

    public long lastTime() {
        return block.lastTime();
    }

    /** The rows, or empty when the block is damaged. */
    public Optional<Rows> decode() {
        try {
            long[] t = block.times();
            double[][] c = new double[columns][];
            for (int k = 0; k < columns; k++) {
                c[k] = block.column(k);
            }
            return Optional.of(new Rows(t, c));
        } catch (CorruptBlockException e) {
            return Optional.empty();
        }
    }

    /** Heap bytes: this object and the block's. */
    public long footprintBytes() {
        return 16 + block.footprintBytes();
    }
}
