package io.smartcloudops.agent.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes and reads {@code anomaly_model.ser}. Reading first checks the file's SHA-256 against the
 * {@code sha256} that {@code train} wrote into {@code model.json} beside it, then deserialises through an
 * {@link ObjectInputFilter} that admits only the model's own record classes, strings and primitive
 * arrays (with limits on depth, references and sizes). A changed or foreign file is refused with an
 * error that says why; no other class is ever instantiated from it.
 */
public final class ModelFile {

    /** The card beside every model file. */
    public static final String CARD = "model.json";

    private static final Set<Class<?>> ALLOWED = Set.of(DetectorModel.class, DetectorSettings.class, HostModel.class,
            DetectorState.Series.class, DetectorState.Track.class, DetectorState.Stream.class, DetectorState.Season.class,
            DetectorState.Extreme.class, DetectorState.Window.class, DetectorState.Step.class, DetectorState.Incidents.class,
            DetectorState.Evidence.class, DetectorState.Effect.class, DetectorStateStore.SavedHost.class,
            DetectorStateStore.SavedVerdict.class, String.class);
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private ModelFile() {
    }

    public static Path cardFor(Path modelFile) {
        Path parent = modelFile.toAbsolutePath().getParent();
        return parent.resolve(CARD);
    }

    /** Serialises the model atomically (temp file, then move) and returns its SHA-256 (hex). */
    public static String write(Path file, DetectorModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        byte[] data = bytes.toByteArray();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".model", ".tmp");
        try {
            Files.write(tmp, data);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return sha256(data);
    }

    /** Reads a model, verifying it against the {@code sha256} of the {@code model.json} beside it. */
    public static DetectorModel read(Path file) throws ModelFileException {
        Path card = cardFor(file);
        String expected;
        try {
            JsonNode node = Json.mapper().readTree(Files.readString(card));
            expected = node == null ? "" : node.path("sha256").asText("");
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model " + file + " refused: no " + CARD + " beside it to verify it against"
                    + " (train writes both; copy them together)");
        } catch (IOException e) {
            throw new ModelFileException("model " + file + " refused: cannot read " + card + ": " + e.getMessage(), e);
        }
        if (!expected.matches("[0-9a-f]{64}")) {
            throw new ModelFileException("model " + file + " refused: " + card + " has no valid \"sha256\" (64 hex digits)");
        }
        return read(file, expected);
    }

    /** Reads a model whose SHA-256 must be {@code expectedSha256}. */
    public static DetectorModel read(Path file, String expectedSha256) throws ModelFileException {
        byte[] data;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ModelFileException("model " + file + " refused: larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model file not found: " + file);
        } catch (IOException e) {
            throw new ModelFileException("cannot read model " + file + ": " + e.getMessage(), e);
        }
        String actual = sha256(data);
        if (!actual.equals(expectedSha256)) {
            throw new ModelFileException("model " + file + " refused: its SHA-256 is " + actual + " but " + CARD
                    + " says " + expectedSha256 + " (the file was changed after training: retrain it or restore both files)");
        }
        AtomicReference<String> rejected = new AtomicReference<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(info -> check(info, rejected));
            Object o = in.readObject();
            if (!(o instanceof DetectorModel model)) {
                throw new ModelFileException("model " + file + " refused: it holds a " + (o == null ? "null" : o.getClass().getName())
                        + ", not a detector model");
            }
            if (in.read() != -1) {
                throw new ModelFileException("model " + file + " refused: unexpected data after the model");
            }
            return model;
        } catch (InvalidClassException e) {
            String what = rejected.get() != null ? "it contains " + rejected.get() + ", which a model never holds"
                    : "it is not a model of this version (" + e.getMessage() + ")";
            throw new ModelFileException("model " + file + " refused: " + what, e);
        } catch (ClassNotFoundException e) {
            throw new ModelFileException("model " + file + " refused: unknown class " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("model " + file + " refused: inconsistent content: " + e.getMessage(), e);
        } catch (java.io.InvalidObjectException e) {
            // a record's constructor refused what it read: inconsistent, or written by an older format
            throw new ModelFileException("model " + file + " refused: inconsistent content or an older model format ("
                    + e.getMessage() + "); retrain it with this version's train command", e);
        } catch (IOException e) {
            throw new ModelFileException("model " + file + " refused: not a model file (" + e + ")", e);
        }
    }

    /** Deserialises detector data (a model or a saved host state) through the allow-list. */
    static Object deserialize(byte[] data) throws ModelFileException {
        AtomicReference<String> rejected = new AtomicReference<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(info -> check(info, rejected));
            Object o = in.readObject();
            if (in.read() != -1) {
                throw new ModelFileException("unexpected data after the object");
            }
            return o;
        } catch (InvalidClassException e) {
            throw new ModelFileException(rejected.get() != null ? "it contains " + rejected.get() : "not of this version (" + e.getMessage() + ")", e);
        } catch (ClassNotFoundException e) {
            throw new ModelFileException("unknown class " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException("not readable (" + e + ")", e);
        }
    }

    private static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info, AtomicReference<String> rejected) {
        if (info.depth() > 12 || info.references() > 100_000 || info.streamBytes() > MAX_BYTES
                || info.arrayLength() > 20_000_000) {
            rejected.compareAndSet(null, "more data than a model has (depth " + info.depth() + ", array " + info.arrayLength() + ")");
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        Class<?> element = c;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive() || ALLOWED.contains(element)) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        rejected.compareAndSet(null, c.getName());
        return ObjectInputFilter.Status.REJECTED;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }
}
