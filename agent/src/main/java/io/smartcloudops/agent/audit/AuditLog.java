package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.agent.journal.PrivateFiles;
import io.smartcloudops.api.audit.AuditRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tamper-evident remediation audit log: {@code DIR/remediation-YYYY-MM-DD.jsonl}, one sealed record
 * a line (see {@link AuditChain}), each appended and forced to disk by {@link DailyJsonl} before
 * {@link #append} returns. The agent and the {@code remediate} CLI may write the same directory at the
 * same time: appends take an exclusive lock on {@code DIR/.remediation.lock} and pick the chain up from
 * whatever the other process wrote last.
 */
public final class AuditLog implements AutoCloseable {

    public static final String PREFIX = "remediation";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int TAIL_BYTES = 256 * 1024;
    /** One in-JVM lock per directory: a JVM may hold a file lock only once. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final DailyJsonl journal;
    private final Clock clock;
    private final int retentionDays;
    private final ReentrantLock jvmLock;
    private final Optional<AuditKey> key;
    private volatile boolean warnedUnchecked;
    private String head;
    private LocalDate lastDay;
    private long lastSize = -1;
    private LocalDate cleanedOn;

    /** A log whose records are sealed with plain SHA-256. */
    public AuditLog(Path dir, Clock clock, int retentionDays) {
        this(dir, clock, retentionDays, Optional.empty());
    }

    /** A log whose records are sealed with {@code key}'s HMAC when there is one ({@link AuditKey}). */
    public AuditLog(Path dir, Clock clock, int retentionDays, Optional<AuditKey> key) {
        this.key = key;
        Path abs = dir.toAbsolutePath().normalize();
        this.journal = new DailyJsonl(abs, PREFIX);
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.jvmLock = JVM_LOCKS.computeIfAbsent(abs, d -> new ReentrantLock());
    }

    public Path dir() {
        return journal.dir();
    }

    public Path fileFor(LocalDate day) {
        return journal.fileFor(day);
    }

    /**
     * Seals {@code record} (timestamp as given) onto the chain and forces it to disk.
     *
     * @throws AuditWriteException if it could not be written: whatever it records must then not happen
     */
    public AuditRecord append(AuditRecord record) {
        jvmLock.lock();
        try (DirectoryLock ignored = DirectoryLock.acquire(journal.dir())) {
            LocalDate day = record.timestamp().atZone(ZoneOffset.UTC).toLocalDate();
            refreshHead();
            if (key.isEmpty() && AuditChain.isKeyed(head)) {
                throw new IllegalStateException("its records are sealed with an HMAC key and none is set: set "
                        + AuditKey.VARIABLE + " (or the SSM parameter " + io.smartcloudops.agent.secrets.SsmSecrets.AUDIT_HMAC_KEY
                        + ") to the key it was written with; nothing was recorded");
            }
            AuditChain.Sealed sealed = AuditChain.seal(record, head, key);
            journal.append(record.timestamp(), sealed.line());
            head = sealed.record().hash();
            lastDay = day;
            lastSize = sizeOf(journal.fileFor(day));
            cleanUp(day);
            return sealed.record();
        } catch (IOException | RuntimeException e) {
            throw new AuditWriteException("cannot write the audit log in " + journal.dir() + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** The current clock's time, for stamping records. */
    public Instant now() {
        return clock.instant();
    }

    /** The hash of the newest record (the chain's head), {@link AuditChain#GENESIS} for an empty log. */
    public String head() {
        jvmLock.lock();
        try {
            refreshHead();
            return head;
        } catch (IOException e) {
            throw new AuditWriteException("cannot read the audit log in " + journal.dir() + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** An exclusive lock on {@code DIR/.remediation.lock}, shared with other processes writing the directory. */
    private record DirectoryLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        static DirectoryLock acquire(Path dir) throws IOException {
            PrivateFiles.createDirectories(dir);
            FileChannel ch = PrivateFiles.open(dir.resolve("." + PREFIX + ".lock"),
                    EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
            try {
                return new DirectoryLock(ch, ch.lock());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Finds the hash the next record links to. When another process appended since this log's last
     * write, the journal's channel is reopened too, so this append lands after their lines.
     */
    private void refreshHead() throws IOException {
        List<LocalDate> days = journal.days();
        if (head != null && !days.isEmpty() && days.getLast().equals(lastDay)
                && sizeOf(journal.fileFor(lastDay)) == lastSize) {
            return;
        }
        journal.closeFile();
        // Remember what this head was read from: a head read while the files were unreadable (swapped out,
        // restored) must be read again once they are back, or the next record would link to the wrong one.
        lastDay = days.isEmpty() ? null : days.getLast();
        lastSize = lastDay == null ? -1 : sizeOf(journal.fileFor(lastDay));
        head = AuditChain.GENESIS;
        for (int i = days.size() - 1; i >= 0; i--) {
            String h = lastHash(journal.fileFor(days.get(i)), key);
            if (h != null) {
                head = h;
                return;
            }
        }
    }

    /** The hash of the last valid record of a file (reading its tail first); null when it has none. */
    static String lastHash(Path file, Optional<AuditKey> key) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, size - TAIL_BYTES);
            byte[] bytes = new byte[(int) (size - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            // The last element follows the final newline (empty, or a torn write); the first may be cut by the window.
            for (int i = lines.length - 2; i >= (from == 0 ? 0 : 1); i--) {
                var rec = AuditChain.parse(lines[i].strip(), key);
                if (rec.isPresent()) {
                    return rec.get().hash();
                }
            }
            if (from == 0) {
                return null;
            }
        }
        // A tail without one valid line (a huge torn write): read the whole file.
        String found = null;
        for (DailyJsonl.Line line : DailyJsonl.completeLines(file)) {
            var rec = AuditChain.parse(line.text(), key);
            if (rec.isPresent()) {
                found = rec.get().hash();
            }
        }
        return found;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private void cleanUp(LocalDate today) {
        if (retentionDays <= 0 || today.equals(cleanedOn)) {
            return;
        }
        cleanedOn = today;
        try {
            int n = journal.deleteBefore(today.minusDays(retentionDays));
            if (n > 0) {
                LOG.info("deleted {} audit file(s) older than {} days", n, retentionDays);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete old audit files in {}: {}", journal.dir(), e.toString());
        }
    }

    /**
     * Valid records of the days from {@code from} to {@code to} (inclusive, UTC), oldest first. A line that
     * is not a valid record is skipped and reported ({@link DailyJsonl#unreadable}: ERROR naming file:line,
     * counted in /metrics and /status).
     */
    public List<AuditRecord> read(LocalDate from, LocalDate to) {
        List<AuditRecord> out = new ArrayList<>();
        try {
            for (DailyJsonl.Line line : journal.lines(from, to)) {
                switch (AuditChain.read(line.text(), key)) {
                    case AuditChain.Line.Valid v -> out.add(v.record());
                    case AuditChain.Line.Unchecked u -> {
                        out.add(u.record());
                        if (!warnedUnchecked) {
                            warnedUnchecked = true;
                            LOG.warn("audit records in {} are sealed with an HMAC key and {} is not set: they are read "
                                    + "without checking their hashes, and nothing can be appended", journal.dir(), AuditKey.VARIABLE);
                        }
                    }
                    case AuditChain.Line.Torn t -> journal.unreadable(line, t.why() + " (a write cut short, or not a record)");
                    case AuditChain.Line.Altered a -> journal.unreadable(line, a.why());
                }
            }
        } catch (IOException e) {
            throw new AuditWriteException("cannot read the audit log in " + journal.dir() + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        journal.close();
    }
}
