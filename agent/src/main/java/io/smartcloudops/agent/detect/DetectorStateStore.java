package io.smartcloudops.agent.detect;

import io.smartcloudops.api.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each host's detector state on disk ({@code detect.state_dir}), so that a restarted agent goes on scoring exactly
 * where it stopped: seasons, horizons, scales, the open incident and the operator's verdicts. One file per host,
 * written atomically (temporary file, then move), read through the same allow-list as model files. A file that is
 * damaged, foreign, or written with other detector settings (but for {@code feedback_margin}) is ignored with a warning:
 * that host learns again. A state written before verdicts were kept in feature values loads without its feedback part
 * (no remembered incidents, no verdicts in force): what the host learned is kept, the verdicts stay on their anomalies.
 */
public final class DetectorStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorStateStore.class);

    /** Format of the files; older ones are ignored. */
    static final int FORMAT = 1;

    /**
     * A verdict as saved (plain fields, so the file needs no java.time classes); {@code pattern} is the text form of
     * {@link Feedback#pattern()} (null when none, and in files written before verdicts kept one).
     */
    public record SavedVerdict(String id, String[] metrics, long fromMilli, long toMilli, int verdict, long givenMilli, String pattern)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public SavedVerdict {
            if (verdict < 0 || verdict >= Verdict.values().length || metrics.length == 0) {
                throw new IllegalArgumentException("saved verdict: bad verdict or no metric");
            }
        }

        Feedback toFeedback(String host) {
            return new Feedback(id, host, Arrays.stream(metrics).map(k -> Metric.fromKey(k).orElseThrow()).toList(),
                    Instant.ofEpochMilli(fromMilli), Instant.ofEpochMilli(toMilli), Verdict.values()[verdict], Instant.ofEpochMilli(givenMilli),
                    pattern == null ? null : VerdictPattern.parse(pattern));
        }

        static SavedVerdict of(Feedback f) {
            return new SavedVerdict(f.id(), f.metrics().stream().map(Metric::key).toArray(String[]::new), f.from().toEpochMilli(),
                    f.to().toEpochMilli(), f.verdict().ordinal(), f.given().toEpochMilli(), f.pattern() == null ? null : f.pattern().format());
        }
    }

    /** One host's file. */
    public record SavedHost(int format, String host, String settings, DetectorState.Series state, SavedVerdict[] verdicts)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** What a host goes on with after a restart. */
    public record Restored(DetectorState.Series state, List<Feedback> verdicts) {
    }

    private final Path dir;

    public DetectorStateStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The file of a host: its name made safe for a file system, plus a hash so that different names never collide. */
    Path file(String host) {
        String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        String hash = ModelFile.sha256(host.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return dir.resolve(safe + "-" + hash + ".state");
    }

    /** Writes a host's state atomically. */
    public void save(String host, DetectorSettings settings, DetectorState.Series state, List<Feedback> verdicts) throws IOException {
        SavedHost saved = new SavedHost(FORMAT, host, settings.toString(), state,
                verdicts.stream().map(SavedVerdict::of).toArray(SavedVerdict[]::new));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(saved);
        }
        Files.createDirectories(dir);
        Path file = file(host);
        Path tmp = Files.createTempFile(dir, ".state", ".tmp");
        try {
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Whether two settings (their text) learn the same state: equal but for {@code feedback_margin}, which shapes nothing
     * that is saved (the tolerance is recomputed from the verdicts' edges and peaks when a state is restored).
     */
    static boolean sameLearning(String settings, String saved) {
        return withoutMargin(settings).equals(withoutMargin(saved));
    }

    private static String withoutMargin(String settings) {
        return settings.replaceAll(", feedback_margin [^,\\]]+", "");
    }

    /** The saved state of a host, if there is a usable one for these settings. */
    public Optional<Restored> load(String host, DetectorSettings settings) {
        Path file = file(host);
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read the detector state of host {} from {}: {}; the host learns again", host, file, e.toString());
            return Optional.empty();
        }
        try {
            Object o = ModelFile.deserialize(data);
            if (!(o instanceof SavedHost saved) || saved.format() != FORMAT || !host.equals(saved.host())) {
                LOG.warn("{} is not a detector state of host {} in format {}: ignored, the host learns again", file, host, FORMAT);
                return Optional.empty();
            }
            if (!sameLearning(settings.toString(), saved.settings())) {
                LOG.warn("the detector state of host {} in {} was written with other detector settings: ignored, the host learns again",
                        host, file);
                return Optional.empty();
            }
            // restoring checks the arrays against the settings; a damaged state fails here, not while scoring
            new SeriesDetector(settings, saved.state());
            List<Feedback> verdicts = Arrays.stream(saved.verdicts()).map(v -> v.toFeedback(host)).toList();
            if (Arrays.stream(saved.state().effects()).anyMatch(DetectorState.Effect::legacy)) {
                // what those verdicts acted on (peak novelty) means nothing to this build: the host keeps what it learned
                // and the verdicts stay on their anomalies (audit log); given again, they act on new incidents
                LOG.warn("the detector state of host {} in {} predates verdicts in feature values: its {} verdict(s) no longer act on "
                        + "the detector", host, file, verdicts.size());
                verdicts = List.of();
            }
            return Optional.of(new Restored(saved.state(), verdicts));
        } catch (ModelFileException | RuntimeException e) {
            LOG.warn("the detector state of host {} in {} is unusable ({}): ignored, the host learns again", host, file, e.getMessage());
            return Optional.empty();
        }
    }
}
