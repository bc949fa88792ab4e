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
 * detector saves back exactly what it read: every window value in its arrival order, every delayed feature. Through
 * {@link DetectorStateStore} the file loads while its format and settings are this build's; should either move on
 * (the detection work changes both), it must be refused (the host learns again), never misread.
 */
class DetectorStateCompatibilityTest {

    private static final String HOST = "compat-host";
    private static final String FILE = "compat-host-3b7872af7229.state";

    @TempDir
    Path dir;

    @Test
    void aStateFileFromBeforeTheCompactLayoutRestoresAndSavesBackIdentically() throws Exception {
        byte[] data;
        try (InputStream in = getClass().getResourceAsStream("/detector-state/" + FILE)) {
            data = in.readAllBytes();
        }
        DetectorStateStore.SavedHost saved = (DetectorStateStore.SavedHost) ModelFile.deserialize(data);
        DetectorSettings settings = settingsOf(saved.settings());
        SeriesDetector detector = new SeriesDetector(settings, saved.state());
        assertThat(detector.metrics()).containsExactly(Metric.CPU, Metric.MEM);
        assertThat(detector.rows()).isEqualTo(12 * 288);
        assertThat(bytes(detector.snapshot())).as("saved back as read").isEqualTo(bytes(saved.state()));
        RowResult next = detector.next(1_793_491_200_000L + 300_000L * 12 * 288, new double[] {30, 55});
        assertThat(next.row()).isEqualTo(12 * 288);

        // through the store: loaded while format and settings are the file's, else refused (the host learns again)
        Files.write(dir.resolve(FILE), data);
        Optional<DetectorStateStore.Restored> loaded = new DetectorStateStore(dir).load(HOST, settings);
        if (saved.format() == DetectorStateStore.FORMAT && saved.settings().equals(settings.toString())) {
            assertThat(loaded).isPresent();
            assertThat(bytes(loaded.get().state())).isEqualTo(bytes(saved.state()));
        } else {
            assertThat(loaded).as("refused: the host learns again").isEmpty();
        }
    }

    /**
     * The settings a file names (their {@code toString}) applied over this build's defaults; parameters this build
     * does not know are left out, parameters the file does not name keep their defaults.
     */
    private static DetectorSettings settingsOf(String text) {
        DetectorSettings s = DetectorSettings.defaults();
        for (String pair : text.substring(text.indexOf('[') + 1, text.length() - 1).split(", ")) {
            String[] kv = pair.split(" ");
            if (kv.length == 2 && s.parameters().containsKey(kv[0])) {
                s = s.with(kv[0], kv[1].equals("true") ? 1 : kv[1].equals("false") ? 0 : Double.parseDouble(kv[1]));
            }
        }
        return s;
    }

    private static byte[] bytes(Object o) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }
}
