package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file written by main at 4b2a4f7, before the scale windows and delay rings took their compact layout
 * (resources/detector-state: two metrics, twelve days at 5 minutes, written by {@code MakeFixture.java.txt} beside it
 * with that commit's jar). The files' format did not change with the layout, so such a file loads, and the restored
 * detector saves back exactly what it read: every window value in its arrival order, every delayed feature. Should the
 * format or the settings move on (the detection work changes both), the file must be refused (the host learns again),
 * never misread.
 */
class DetectorStateCompatibilityTest {

    private static final String HOST = "compat-host";
    private static final String FILE = "compat-host-3b7872af7229.state";

    @TempDir
    Path dir;

    @Test
    void aStateFileFromBeforeTheCompactLayoutLoadsAndSavesBackIdenticallyOrIsRefused() throws Exception {
        byte[] data;
        try (InputStream in = getClass().getResourceAsStream("/detector-state/" + FILE)) {
            data = in.readAllBytes();
        }
        Files.write(dir.resolve(FILE), data);
        DetectorStateStore store = new DetectorStateStore(dir);
        DetectorStateStore.SavedHost saved = (DetectorStateStore.SavedHost) ModelFile.deserialize(data);
        Optional<DetectorSettings> settings = settingsOf(saved.settings());
        if (saved.format() != DetectorStateStore.FORMAT || settings.isEmpty()) {
            assertThat(store.load(HOST, settings.orElse(DetectorSettings.defaults()))).as("refused: the host learns again").isEmpty();
            return;
        }
        System.out.println("the old state file loads (format " + saved.format() + ", same settings)");
        Optional<DetectorStateStore.Restored> restored = store.load(HOST, settings.get());
        assertThat(restored).isPresent();
        SeriesDetector detector = new SeriesDetector(settings.get(), restored.get().state());
        assertThat(detector.metrics()).containsExactly(Metric.CPU, Metric.MEM);
        assertThat(detector.rows()).isEqualTo(12 * 288);
        assertThat(bytes(detector.snapshot())).as("saved back as read").isEqualTo(bytes(saved.state()));
        RowResult next = detector.next(1_793_491_200_000L + 300_000L * 12 * 288, new double[] {30, 55});
        assertThat(next.row()).isEqualTo(12 * 288);
    }

    /** The settings a file names (their {@code toString}), or empty if this build does not know one of them. */
    private static Optional<DetectorSettings> settingsOf(String text) {
        if (!text.startsWith("DetectorSettings[") || !text.endsWith("]")) {
            return Optional.empty();
        }
        DetectorSettings s = DetectorSettings.defaults();
        try {
            for (String pair : text.substring(17, text.length() - 1).split(", ")) {
                String[] kv = pair.split(" ");
                double v = kv[1].equals("true") ? 1 : kv[1].equals("false") ? 0 : Double.parseDouble(kv[1]);
                s = s.with(kv[0], v);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return s.toString().equals(text) ? Optional.of(s) : Optional.empty();
    }

    private static byte[] bytes(Object o) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }
}
