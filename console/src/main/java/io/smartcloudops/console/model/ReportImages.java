package io.smartcloudops.console.model;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;

/**
 * The Model screen's report images, decoded once each and no wider than they are shown.
 *
 * <p>Why: the evaluation reports are large (nab.png is 1580×3624). Decoded at full size, the two of them
 * held 22 MB of pixels, plus 30 MB more for their textures on the software pipeline (Xvfb, VMs, remote
 * desktops), and they were decoded again on every change of the report list: with the console's heap
 * of 160 MB the old generation stayed full and the console froze (issue 18, {@code GC.class_histogram}:
 * {@code int[]} 62 MB, {@code byte[]} 36 MB). A decode at {@link #SHOWN_WIDTH} holds a fifth of that.
 */
final class ReportImages {

    /** Widest the report column shows an image (the split's right part on a 1440 px window, with margin). */
    static final int SHOWN_WIDTH = 720;

    private record Decoded(byte[] png, Image image) {
    }

    private final Map<String, Decoded> cache = new HashMap<>();
    private int decodes;

    /** The image of a report, decoded now only when its bytes are new. */
    Image thumbnail(ModelViewModel.Report report) {
        Decoded d = cache.get(report.name());
        if (d == null || d.png() != report.png()) {
            d = new Decoded(report.png(), decode(report.png(), SHOWN_WIDTH));
            cache.put(report.name(), d);
        }
        return d.image();
    }

    /** Forgets the images of reports no longer listed. */
    void retain(Set<String> names) {
        cache.keySet().retainAll(names);
    }

    /** How many decodes happened (a reconnect that brings the same bytes makes none). */
    int decodes() {
        return decodes;
    }

    /** Decodes at most {@code maxWidth} wide (never wider than the picture itself), keeping the aspect ratio. */
    Image decode(byte[] png, int maxWidth) {
        decodes++;
        int width = pngWidth(png);
        int target = width > 0 ? Math.min(width, maxWidth) : maxWidth;
        return new Image(new ByteArrayInputStream(png), target, 0, true, true);
    }

    /** The width in a PNG's IHDR chunk; 0 when the bytes are not a PNG. */
    static int pngWidth(byte[] png) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (png.length < 24) {
            return 0;
        }
        for (int i = 0; i < signature.length; i++) {
            if (png[i] != signature[i]) {
                return 0;
            }
        }
        return ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
    }
}
