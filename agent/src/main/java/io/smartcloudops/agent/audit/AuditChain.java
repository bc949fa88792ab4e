package io.smartcloudops.agent.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smartcloudops.agent.journal.JsonLine;
import io.smartcloudops.api.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How one audit line is sealed: the line is the record's JSON with {@code prev_hash} set, followed by
 * {@code ,"hash":"<sha256>"}} where the hash covers every byte of the line before {@code ,"hash":}. Checking
 * a line therefore needs no canonical JSON: hash the text before the suffix and compare. Lines are written
 * by {@link JsonLine} (printable ASCII) and read back by parsing them as JSON; the suffix is then located by
 * the parsed hash, never by a pattern over the line (a pattern's {@code .} stops at U+2028, U+0085 and CR,
 * which an older agent wrote raw: such a line hid itself from every reader).
 */
public final class AuditChain {

    /** {@code prev_hash} of the first record ever written. */
    public static final String GENESIS = "0".repeat(64);

    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final int HASH_LENGTH = 64;

    private AuditChain() {
    }

    /** A sealed line: the parsed record (with both hashes) and its text. */
    public record Sealed(AuditRecord record, String line) {
    }

    /** Seals {@code record} onto the chain after {@code prevHash}. */
    public static Sealed seal(AuditRecord record, String prevHash) {
        String json = JsonLine.write(record.chained(prevHash, null));
        String body = json.substring(0, json.length() - 1);
        String hash = sha256(body);
        return new Sealed(record.chained(prevHash, hash), body + HASH_FIELD + hash + "\"}");
    }

    /** The outcome of reading one line back. */
    public sealed interface Line {
        /** A whole record whose hash matches its text. */
        record Valid(AuditRecord record) implements Line {
        }

        /** Not a record: a write cut short by a crash (or garbage). */
        record Torn(String why) implements Line {
        }

        /** A record whose text no longer matches its hash: it was changed. */
        record Altered(String why) implements Line {
        }
    }

    /** Parses and checks one line's own hash (not its link to the line before). */
    public static Line read(String line) {
        AuditRecord record;
        try {
            record = JsonLine.read(line, AuditRecord.class);
        } catch (JsonProcessingException e) {
            return new Line.Torn("not a JSON record (" + JsonLine.problem(e) + ")");
        }
        String hash = record.hash();
        if (hash == null || record.prevHash() == null || !isHex(hash) || !line.endsWith(HASH_FIELD + hash + "\"}")) {
            return new Line.Altered("has no hash chain fields (prev_hash, hash at the end)");
        }
        String body = line.substring(0, line.length() - HASH_FIELD.length() - HASH_LENGTH - 2);
        if (!sha256(body).equals(hash)) {
            return new Line.Altered("its content does not match its hash (the line was changed)");
        }
        return new Line.Valid(record);
    }

    private static boolean isHex(String hash) {
        return hash.length() == HASH_LENGTH && hash.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** The record of a valid line, empty for torn or altered ones. */
    public static Optional<AuditRecord> parse(String line) {
        return read(line) instanceof Line.Valid v ? Optional.of(v.record()) : Optional.empty();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
