package io.smartcloudops.agent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Metric;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State files written by earlier builds (resources/detector-state, each with the program that wrote it beside it):
 * <ul>
 *   <li>{@code compat-host}: main at 4b2a4f7, before the scale windows and delay rings took their compact layout; two
 *   metrics, twelve days at 5 minutes, an incident open when it was saved;</li>
 *   <li>{@code feedback-host}: main at ce16c6b, before verdicts were kept in feature values; ten days, a CPU step
 *   raised, ended and marked false_alarm, the verdict in force when it was saved.</li>
 * </ul>
 * Both restore with everything they learned saved back exactly as read; what they kept for operator feedback (peak
 * novelty, which means nothing to this build) is left out: no remembered incidents, no verdict in force, an open
 * incident goes on without evidence from before the restart. Through {@link DetectorStateStore} a file loads while its
 * format and its settings (but for feedback_margin) are this build's; should either move on, it must be refused (the
 * host learns again), never misread.
 */
class DetectorStateCompatibilityTest {

    private static final long T0 = 1_793_491_200_000L;

    @TempDir
    Path dir;

    @Test
    void aStateFileFromBeforeTheCompactLayoutRestoresAndSavesBackWhatItLearnedIdentically() throws Exception {
        DetectorStateStore.SavedHost saved = read("compat-host-3b7872af7229.state");
        DetectorSettings settings = settingsOf(saved.settings());
        SeriesDetector detector = new SeriesDetector(settings, saved.state());
        assertThat(detector.metrics()).containsExactly(Metric.CPU, Metric.MEM);
        assertThat(detector.rows()).isEqualTo(12 * 288);
        DetectorState.Series back = detector.snapshot();
        assertThat(bytes(learned(back))).as("saved back as read").isEqualTo(bytes(learned(saved.state())));
        assertThat(saved.state().open().legacy()).isTrue();
        assertThat(back.open().legacy()).as("the open incident goes on, with evidence in this build's terms").isFalse();
        assertThat(back.open().startMilli()).isEqualTo(saved.state().open().startMilli());
        RowResult next = detector.next(T0 + 300_000L * 12 * 288, new double[] {30, 55});
        assertThat(next.row()).isEqualTo(12 * 288);

        assertLoadsThroughTheStoreOnlyWhileFormatAndSettingsMatch("compat-host", "compat-host-3b7872af7229.state", saved, settings);
    }

    @Test
    void aStateWithAVerdictFromBeforeFeatureValuesLoadsWithoutItsFeedbackPart() throws Exception {
        DetectorStateStore.SavedHost saved = read("feedback-host-98fc58dac5b6.state");
        assertThat(saved.verdicts()).hasSize(1);
        assertThat(saved.state().effects()).singleElement().satisfies(e -> assertThat(e.legacy()).isTrue());
        assertThat(saved.state().remembered()).isNotEmpty();
        DetectorSettings settings = settingsOf(saved.settings());
        SeriesDetector detector = new SeriesDetector(settings, saved.state());
        DetectorState.Series back = detector.snapshot();
        assertThat(bytes(learned(back))).as("what it learned, saved back as read").isEqualTo(bytes(learned(saved.state())));
        assertThat(back.remembered()).isEmpty();
        assertThat(back.effects()).isEmpty();
        // the incident the verdict was on is no longer remembered: given again, the verdict is refused, not misapplied
        DetectorStateStore.SavedVerdict v = saved.verdicts()[0];
        Feedback again = new Feedback("again", "feedback-host", List.of(Metric.CPU), Instant.ofEpochMilli(v.fromMilli()),
                Instant.ofEpochMilli(v.toMilli()), Verdict.FALSE_ALARM, Instant.ofEpochMilli(v.givenMilli()));
        assertThat(detector.applyFeedback(List.of(again))).containsExactly("again");
        assertThat(detector.next(T0 + 300_000L * 10 * 288, new double[] {30, 55}).row()).isEqualTo(10 * 288);

        Optional<DetectorStateStore.Restored> loaded =
                assertLoadsThroughTheStoreOnlyWhileFormatAndSettingsMatch("feedback-host", "feedback-host-98fc58dac5b6.state", saved, settings);
        loaded.ifPresent(r -> assertThat(r.verdicts()).as("no verdict in force").isEmpty());
    }

    @Test
    void settingsThatDifferOnlyInTheFeedbackMarginLearnTheSameState() {
        String shipped = DetectorSettings.defaults().toString();
        assertThat(DetectorStateStore.sameLearning(shipped, DetectorSettings.defaults().with("feedback_margin", 1.5).toString())).isTrue();
        assertThat(DetectorStateStore.sameLearning(shipped, DetectorSettings.defaults().with("keep_novelty", 0.7).toString())).isFalse();
    }

    private Optional<DetectorStateStore.Restored> assertLoadsThroughTheStoreOnlyWhileFormatAndSettingsMatch(String host, String file,
            DetectorStateStore.SavedHost saved, DetectorSettings fileSettings) throws Exception {
        Files.write(dir.resolve(file), resource(file));
        DetectorStateStore store = new DetectorStateStore(dir);
        Optional<DetectorStateStore.Restored> withItsSettings = store.load(host, fileSettings);
        // its settings as far as this build has them (a file from before a parameter existed does not name it)
        if (saved.format() == DetectorStateStore.FORMAT && DetectorStateStore.sameLearning(fileSettings.toString(), saved.settings())) {
            assertThat(withItsSettings).isPresent();
            assertThat(bytes(learned(withItsSettings.get().state()))).isEqualTo(bytes(learned(saved.state())));
        } else {
            assertThat(withItsSettings).as("refused: the host learns again").isEmpty();
        }
        DetectorSettings now = DetectorSettings.defaults();
        Optional<DetectorStateStore.Restored> withThisBuilds = store.load(host, now);
        if (saved.format() != DetectorStateStore.FORMAT || !DetectorStateStore.sameLearning(now.toString(), saved.settings())) {
            assertThat(withThisBuilds).as("refused with this build's settings: the host learns again").isEmpty();
        } else {
            assertThat(withThisBuilds).isPresent();
        }
        return withItsSettings;
    }

    /** Everything but what the state kept for operator feedback. */
    private static DetectorState.Series learned(DetectorState.Series s) {
        return new DetectorState.Series(s.metrics(), s.hostUnits(), s.learningRows(), s.step(), s.tracks(), s.incidents(), s.inIncident(),
                new DetectorState.Evidence[0], null, new DetectorState.Effect[0], s.bandRun(), s.clearInIncident(), s.newcomerRun(), s.row());
    }

    private DetectorStateStore.SavedHost read(String file) throws Exception {
        return (DetectorStateStore.SavedHost) ModelFile.deserialize(resource(file));
    }

    private byte[] resource(String file) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/detector-state/" + file)) {
            return in.readAllBytes();
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
