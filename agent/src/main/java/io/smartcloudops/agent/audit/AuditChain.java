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
 * {@code ,"hash":"<hash>"}} where the hash covers every byte of the line before {@code ,"hash":}. Checking
 * a line therefore needs no canonical JSON: hash the text before the suffix and compare. The hash is the
 * text's SHA-256 in hex, or, with an {@link AuditKey}, {@code hmac-sha256:} and its HMAC in hex: the prefix
 * says which, so a reader without the key knows what it cannot check. Lines are written
 * by {@link JsonLine} (printable ASCII) and read back by parsing them as JSON; the suffix is then located by
 * the parsed hash, never by a pattern over the line (a pattern's {@code .} stops at U+2028, U+0085 and CR,
 * which an older agent wrote raw: such a line hid itself from every reader).
 */
public final class AuditChain {

    /** {@code prev_hash} of the first record ever written. */
    public static final String GENESIS = "0".repeat(64);

    /** Starts the hash of a record sealed with the {@link AuditKey}. */
    public static final String KEYED = "hmac-sha256:";
    private static final String HASH_FIELD = ",\"hash\":\"";
    private static final int HEX_LENGTH = 64;

    private AuditChain() {
    }

    /** A sealed line: the parsed record (with both hashes) and its text. */
    public record Sealed(AuditRecord record, String line) {
    }

    /** Seals {@code record} onto the chain after {@code prevHash}, with the key's HMAC when there is one. */
    public static Sealed seal(AuditRecord record, String prevHash, Optional<AuditKey> key) {
        String json = JsonLine.write(record.chained(prevHash, null));
        String body = json.substring(0, json.length() - 1);
        String hash = key.map(k -> KEYED + k.mac(body)).orElseGet(() -> sha256(body));
        return new Sealed(record.chained(prevHash, hash), body + HASH_FIELD + hash + "\"}");
    }

    /** Whether a hash was made with the {@link AuditKey}. */
    public static boolean isKeyed(String hash) {
        return hash != null && hash.startsWith(KEYED);
    }

    /** The outcome of reading one line back. */
    public sealed interface Line {
        /** A whole record whose hash matches its text (an HMAC made with the key, or a SHA-256). */
        record Valid(AuditRecord record) implements Line {
        }

        /** A whole record sealed with the key, read without it: its own hash cannot be checked. */
        record Unchecked(AuditRecord record) implements Line {
        }

        /** Not a record: a write cut short by a crash (or garbage). */
        record Torn(String why) implements Line {
        }

        /** A record whose text no longer matches its hash: it was changed. */
        record Altered(String why) implements Line {
        }
    }

    /** Parses and checks one line's own hash (not its link to the line before), without a key. */
    public static Line read(String line) {
        return read(line, Optional.empty());
    }

    /** Parses and checks one line's own hash (not its link to the line before). */
    public static Line read(String line, Optional<AuditKey> key) {
        AuditRecord record;
        try {
            record = JsonLine.read(line, AuditRecord.class);
        } catch (JsonProcessingException e) {
            return new Line.Torn("not a JSON record (" + JsonLine.problem(e) + ")");
        }
        String hash = record.hash();
        if (hash == null || record.prevHash() == null || !wellFormed(hash) || !line.endsWith(HASH_FIELD + hash + "\"}")) {
            return new Line.Altered("has no hash chain fields (prev_hash, hash at the end)");
        }
        String body = line.substring(0, line.length() - HASH_FIELD.length() - hash.length() - 2);
        if (isKeyed(hash)) {
            if (key.isEmpty()) {
                return new Line.Unchecked(record);
            }
            if (!MessageDigest.isEqual(hash.substring(KEYED.length()).getBytes(StandardCharsets.US_ASCII),
                    key.get().mac(body).getBytes(StandardCharsets.US_ASCII))) {
                return new Line.Altered("its content does not match its hash (the line was changed, or the HMAC key is not the one it was sealed with)");
            }
        } else if (!sha256(body).equals(hash)) {
            return new Line.Altered("its content does not match its hash (the line was changed)");
        }
        return new Line.Valid(record);
    }

    private static boolean wellFormed(String hash) {
        String hex = isKeyed(hash) ? hash.substring(KEYED.length()) : hash;
        return hex.length() == HEX_LENGTH && hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** The record of a whole line (valid, or sealed with a key not given), empty for torn or altered ones. */
    public static Optional<AuditRecord> parse(String line, Optional<AuditKey> key) {
        return switch (read(line, key)) {
            case Line.Valid v -> Optional.of(v.record());
            case Line.Unchecked u -> Optional.of(u.record());
            case Line.Torn t -> Optional.empty();
            case Line.Altered a -> Optional.empty();
        };
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
