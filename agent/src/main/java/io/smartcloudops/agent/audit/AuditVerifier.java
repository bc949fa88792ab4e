package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.api.audit.AuditRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the hash chain of audit files: every record's own hash, and that every record links to the
 * valid record before it. Given a directory, the daily files are checked in date order and the first
 * record of each day must link to the last record of the day before (the oldest file present may link
 * to a file that retention deleted). Lines that are not JSON records (a write cut short by a power cut)
 * are counted and skipped: they cannot hide a change, because the next record still links to the last
 * valid one.
 *
 * <p>With the {@link AuditKey}, records sealed with it are checked against their HMAC, and a record sealed
 * without it after one sealed with it is a break (someone without the key rewrote the log from there on).
 * Without the key, such records cannot be checked: the links are, and the report says how many were not.
 * With an anchor (a head hash published earlier, e.g. in Prometheus or an SNS message), the chain must
 * contain it: that is what shows records cut off at the end, or a whole log rewritten.
 */
public final class AuditVerifier {

    private static final Pattern DAILY = Pattern.compile(Pattern.quote(AuditLog.PREFIX) + "-\\d{4}-\\d{2}-\\d{2}\\.jsonl");

    /** The first place the chain is broken; line 0 for the log as a whole (a missing anchor). */
    public record Break(Path file, int line, String reason) {
        @Override
        public String toString() {
            return line == 0 ? file + ": " + reason : file + ":" + line + ": " + reason;
        }
    }

    /**
     * The outcome.
     *
     * @param files     files checked
     * @param records   whole records (checked or not)
     * @param keyed     records sealed with the HMAC key and checked with it
     * @param unchecked records sealed with the HMAC key that could not be checked (no key given)
     * @param torn      lines skipped as torn writes, as {@code file:line}
     * @param broken    the first break, empty when the chain is whole
     * @param head      hash of the last whole record
     * @param anchor    where the expected head was found, as {@code file:line}
     */
    public record Report(int files, int records, int keyed, int unchecked, List<String> torn, Optional<Break> broken,
                         String head, Optional<String> anchor) {
        /** The chain is whole and every record's own hash was checked. */
        public boolean ok() {
            return broken.isEmpty() && unchecked == 0;
        }
    }

    private AuditVerifier() {
    }

    /** Verifies without a key or anchor. */
    public static Report verify(Path fileOrDir) throws IOException {
        return verify(fileOrDir, Optional.empty(), Optional.empty());
    }

    /** Verifies one file, or every {@code remediation-*.jsonl} of a directory. */
    public static Report verify(Path fileOrDir, Optional<AuditKey> key, Optional<String> expectHead) throws IOException {
        if (Files.isDirectory(fileOrDir)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(fileOrDir)) {
                files = s.filter(p -> DAILY.matcher(p.getFileName().toString()).matches()).sorted().toList();
            }
            return new Walk(key, expectHead.map(String::strip)).run(fileOrDir, files);
        }
        if (!Files.isRegularFile(fileOrDir)) {
            throw new java.nio.file.NoSuchFileException(fileOrDir.toString(), null, "no such audit file or directory");
        }
        return new Walk(key, expectHead.map(String::strip)).run(fileOrDir, List.of(fileOrDir));
    }

    /** One pass over the files. */
    private static final class Walk {
        private final Optional<AuditKey> key;
        private final Optional<String> expectHead;
        private String prev;
        private int records;
        private int keyed;
        private int unchecked;
        private boolean sealedWithKey;
        private String anchor;
        private final List<String> torn = new ArrayList<>();

        Walk(Optional<AuditKey> key, Optional<String> expectHead) {
            this.key = key;
            this.expectHead = expectHead;
        }

        Report run(Path target, List<Path> files) throws IOException {
            for (Path file : files) {
                for (DailyJsonl.Line line : DailyJsonl.completeLines(file)) {
                    Optional<String> why = check(line);
                    if (why.isPresent()) {
                        return report(files, Optional.of(new Break(file, line.number(), why.get())));
                    }
                }
            }
            if (expectHead.isPresent() && anchor == null) {
                return report(files, Optional.of(new Break(target, 0, "the expected head " + expectHead.get()
                        + " is not in the log: records were cut off after it or the log was rewritten (or the anchor "
                        + "is older than the oldest file kept)")));
            }
            return report(files, Optional.empty());
        }

        /** Why this line breaks the chain, if it does. */
        private Optional<String> check(DailyJsonl.Line line) {
            AuditRecord record;
            switch (AuditChain.read(line.text(), key)) {
                case AuditChain.Line.Torn t -> {
                    torn.add(line.file() + ":" + line.number());
                    return Optional.empty();
                }
                case AuditChain.Line.Altered a -> {
                    return Optional.of(a.why());
                }
                case AuditChain.Line.Unchecked u -> {
                    record = u.record();
                    unchecked++;
                }
                case AuditChain.Line.Valid v -> {
                    record = v.record();
                    if (AuditChain.isKeyed(record.hash())) {
                        keyed++;
                    }
                }
            }
            if (prev != null && !prev.equals(record.prevHash())) {
                return Optional.of("prev_hash does not match the record before it: a record was removed, "
                        + "changed or reordered before this line");
            }
            boolean thisKeyed = AuditChain.isKeyed(record.hash());
            if (sealedWithKey && !thisKeyed) {
                return Optional.of("sealed without the HMAC key after records sealed with it: written or rewritten "
                        + "from here on by someone without the key");
            }
            sealedWithKey |= thisKeyed;
            prev = record.hash();
            records++;
            if (expectHead.isPresent() && expectHead.get().equals(record.hash())) {
                anchor = line.file() + ":" + line.number();
            }
            return Optional.empty();
        }

        private Report report(List<Path> files, Optional<Break> broken) {
            return new Report(files.size(), records, keyed, unchecked, List.copyOf(torn), broken,
                    prev == null ? AuditChain.GENESIS : prev, Optional.ofNullable(anchor));
        }
    }
}
