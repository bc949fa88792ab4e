package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.journal.DailyJsonl;
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
 */
public final class AuditVerifier {

    private static final Pattern DAILY = Pattern.compile(Pattern.quote(AuditLog.PREFIX) + "-\\d{4}-\\d{2}-\\d{2}\\.jsonl");

    /** The first place the chain is broken. */
    public record Break(Path file, int line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    /**
     * The outcome.
     *
     * @param files   files checked
     * @param records valid records
     * @param torn    lines skipped as torn writes, as {@code file:line}
     * @param broken  the first break, empty when the chain is whole
     * @param head    hash of the last valid record
     */
    public record Report(int files, int records, List<String> torn, Optional<Break> broken, String head) {
        public boolean ok() {
            return broken.isEmpty();
        }
    }

    private AuditVerifier() {
    }

    /** Verifies one file, or every {@code remediation-*.jsonl} of a directory. */
    public static Report verify(Path fileOrDir) throws IOException {
        if (Files.isDirectory(fileOrDir)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(fileOrDir)) {
                files = s.filter(p -> DAILY.matcher(p.getFileName().toString()).matches()).sorted().toList();
            }
            return verify(files);
        }
        if (!Files.isRegularFile(fileOrDir)) {
            throw new java.nio.file.NoSuchFileException(fileOrDir.toString(), null, "no such audit file or directory");
        }
        return verify(List.of(fileOrDir));
    }

    private static Report verify(List<Path> files) throws IOException {
        String prev = null;
        int records = 0;
        List<String> torn = new ArrayList<>();
        for (Path file : files) {
            for (DailyJsonl.Line line : DailyJsonl.completeLines(file)) {
                int lineNo = line.number();
                switch (AuditChain.read(line.text())) {
                    case AuditChain.Line.Torn t -> torn.add(file + ":" + lineNo);
                    case AuditChain.Line.Altered a -> {
                        return new Report(files.size(), records, torn, Optional.of(new Break(file, lineNo, a.why())), prev);
                    }
                    case AuditChain.Line.Valid v -> {
                        if (prev != null && !prev.equals(v.record().prevHash())) {
                            String why = "prev_hash does not match the record before it: a record was removed, "
                                    + "changed or reordered before this line";
                            return new Report(files.size(), records, torn, Optional.of(new Break(file, lineNo, why)), prev);
                        }
                        prev = v.record().hash();
                        records++;
                    }
                }
            }
        }
        return new Report(files.size(), records, torn, Optional.empty(), prev == null ? AuditChain.GENESIS : prev);
    }
}
