package io.smartcloudops.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Append-only JSON-lines files, one per UTC day: {@code DIR/PREFIX-YYYY-MM-DD.jsonl}. Each append writes
 * one whole line and forces it to disk before returning, so a record the caller acknowledged survives
 * {@code kill -9} and power loss. A line torn by a crash (no trailing newline) is skipped on reading
 * and the next append starts on a fresh line. Records are written by {@link JsonLine}; a line a reader
 * cannot use is reported through {@link #unreadable}, never dropped silently.
 */
public final class DailyJsonl {

    private final Path dir;
    private final String prefix;
    private final Pattern fileName;
    private LocalDate openDay;
    private FileChannel channel;
    private boolean closed;

    public DailyJsonl(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
        this.fileName = Pattern.compile(Pattern.quote(prefix) + "-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");
    }

    public Path dir() {
        return dir;
    }

    public Path fileFor(LocalDate day) {
        return dir.resolve(prefix + "-" + day + ".jsonl");
    }

    /**
     * Appends one JSON object, as {@link JsonLine#write} makes it (printable ASCII, so one line for every
     * reader), to the file of {@code timestamp}'s UTC day and forces it to disk. Throws if it cannot: the
     * caller must then not act as if it was recorded. Once {@link #close closed} it writes nothing: a part still
     * running after its agent stopped must not create files in a directory the owner considers finished with.
     */
    public synchronized void append(Instant timestamp, String json) throws IOException {
        if (closed) {
            throw new IOException("the journal " + fileFor(timestamp.atZone(ZoneOffset.UTC).toLocalDate()) + " is closed");
        }
        if (!JsonLine.isPrintableAscii(json)) {
            throw new IllegalArgumentException("a journal record must be one line of printable ASCII (written by JsonLine)");
        }
        LocalDate day = timestamp.atZone(ZoneOffset.UTC).toLocalDate();
        FileChannel ch = channelFor(day);
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long before = ch.size();
        try {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            // Leave no partial line behind (disk full): cut back to where this record started.
            try {
                ch.truncate(before);
            } catch (IOException ignored) {
                // the reader skips a torn last line anyway
            }
            closeChannel();
            throw e;
        }
    }

    private FileChannel channelFor(LocalDate day) throws IOException {
        if (channel != null && day.equals(openDay) && channel.isOpen()) {
            return channel;
        }
        closeChannel();
        PrivateFiles.createDirectories(dir);
        Path file = fileFor(day);
        FileChannel ch = PrivateFiles.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ));
        ch.position(ch.size());
        if (ch.size() > 0 && !endsWithNewline(ch)) {
            ch.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
        channel = ch;
        openDay = day;
        return ch;
    }

    private static boolean endsWithNewline(FileChannel ch) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, ch.size() - 1);
        return last.get(0) == '\n';
    }

    /** Days that have a file, oldest first. */
    public List<LocalDate> days() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LocalDate> days = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = fileName.matcher(f.getFileName().toString());
                if (m.matches()) {
                    try {
                        days.add(LocalDate.parse(m.group(1)));
                    } catch (DateTimeParseException ignored) {
                        // not one of ours
                    }
                }
            }
        }
        days.sort(null);
        return days;
    }

    /** One complete line of a journal file: where it is and its text. */
    public record Line(Path file, int number, String text) {
    }

    /**
     * The complete, non-blank lines of the files of the days from {@code from} to {@code to} (inclusive,
     * UTC), oldest first. A torn (unterminated) last line is a write in progress or cut short: left out.
     * Only regular files are read: a device or pipe under a journal's name would be read forever.
     */
    public List<Line> lines(LocalDate from, LocalDate to) throws IOException {
        List<Line> out = new ArrayList<>();
        for (LocalDate d : days()) {
            if (!d.isBefore(from) && !d.isAfter(to)) {
                out.addAll(completeLines(fileFor(d)));
            }
        }
        return out;
    }

    /**
     * The complete, non-blank lines of one file, numbered from 1; none when it is not a regular file. Lines
     * end only at LF: every other terminator is escaped inside a record ({@link JsonLine}). Decoded leniently,
     * so a write cut short inside a multi-byte character spoils that line only.
     */
    public static List<Line> completeLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            String line = text.substring(start, i).strip();
            if (!line.isEmpty()) {
                lines.add(new Line(file, number, line));
            }
            number++;
            start = i + 1;
        }
        return lines;
    }

    /**
     * Reads back the records of the last {@code retentionDays} days (all days when 0), oldest first, as
     * {@code type}. A record {@code missing} finds incomplete (it returns what is missing, else null) and a
     * line that is not such a record at all are reported as {@link #unreadable}; the others go to {@code use}.
     *
     * @param what the record in words, for the reports: "silence", "acknowledgement"
     */
    public <T> void replay(LocalDate today, int retentionDays, Class<T> type, String what,
                           Function<T, String> missing, Consumer<T> use) throws IOException {
        for (Line line : lines(retentionDays > 0 ? today.minusDays(retentionDays) : LocalDate.MIN, LocalDate.MAX)) {
            T record;
            try {
                record = JsonLine.read(line.text(), type);
            } catch (IOException | IllegalArgumentException e) {
                unreadable(line, "not a JSON " + what + " record (a write cut short, or changed by hand)");
                continue;
            }
            String gap = missing.apply(record);
            if (gap != null) {
                unreadable(line, "a " + what + " without " + gap);
            } else {
                use.accept(record);
            }
        }
    }

    /** Reports a line its reader could not use (ERROR log naming file:line, counted for /metrics and /status). */
    public void unreadable(Line line, String why) {
        DamagedLines.of(dir).report(line.file(), line.number(), prefix, why);
    }

    /** Deletes files of days before {@code keepFrom}; returns how many. */
    public synchronized int deleteBefore(LocalDate keepFrom) throws IOException {
        int n = 0;
        for (LocalDate d : days()) {
            if (d.isBefore(keepFrom) && !d.equals(openDay)) {
                Files.deleteIfExists(fileFor(d));
                n++;
            }
        }
        return n;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to flush: every append forced its bytes
            }
            channel = null;
            openDay = null;
        }
    }

    /** Closes the open file; the next append opens it again (to land after lines another process appended). */
    public synchronized void closeFile() {
        closeChannel();
    }

    /** Closes the open file; appends after this fail. */
    public synchronized void close() {
        closed = true;
        closeChannel();
    }
}
