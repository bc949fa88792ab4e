package io.smartcloudops.agent.audit;

import io.smartcloudops.api.Json;
import io.smartcloudops.api.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one audit line is sealed: the line is the record's JSON with {@code prev_hash} set, followed by
 * {@code ,"hash":"<sha256>"}} where the hash covers every byte of the line before {@code ,"hash":}. Checking
 * a line therefore needs no canonical JSON: hash the text before the suffix and compare.
 */
public final class AuditChain {

    /** {@code prev_hash} of the first record ever written. */
    public static final String GENESIS = "0".repeat(64);

    private static final Pattern SEALED = Pattern.compile("(.*),\"hash\":\"([0-9a-f]{64})\"}");

    private AuditChain() {
    }

    /** A sealed line: the parsed record (with both hashes) and its text. */
    public record Sealed(AuditRecord record, String line) {
    }

    /** Seals {@code record} onto the chain after {@code prevHash}. */
    public static Sealed seal(AuditRecord record, String prevHash) {
        String json = Json.write(record.chained(prevHash, null));
        String body = json.substring(0, json.length() - 1);
        String hash = sha256(body);
        return new Sealed(record.chained(prevHash, hash), body + ",\"hash\":\"" + hash + "\"}");
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
            record = Json.mapper().readValue(line, AuditRecord.class);
        } catch (Exception e) {
            return new Line.Torn("not a JSON record");
        }
        Matcher m = SEALED.matcher(line);
        if (!m.matches() || record.hash() == null || record.prevHash() == null) {
            return new Line.Altered("has no hash chain fields (prev_hash, hash at the end)");
        }
        String actual = sha256(m.group(1));
        if (!actual.equals(m.group(2)) || !m.group(2).equals(record.hash())) {
            return new Line.Altered("its content does not match its hash (the line was changed)");
        }
        return new Line.Valid(record);
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
