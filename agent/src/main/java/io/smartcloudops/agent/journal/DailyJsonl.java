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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Append-only JSON-lines files, one per UTC day: {@code DIR/PREFIX-YYYY-MM-DD.jsonl}. Each append writes
 * one whole line and forces it to disk before returning, so a record the caller acknowledged survives
 * {@code kill -9} and power loss. A line torn by a crash (no trailing newline) is skipped on reading
 * and the next append starts on a fresh line.
 */
public final class DailyJsonl {

    private final Path dir;
    private final String prefix;
    private final Pattern fileName;
    private LocalDate openDay;
    private FileChannel channel;

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
     * Appends one JSON object (must not contain a newline) to the file of {@code timestamp}'s UTC day and
     * forces it to disk. Throws if it cannot: the caller must then not act as if it was recorded.
     */
    public synchronized void append(Instant timestamp, String json) throws IOException {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a JSONL record must be one line");
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
        Files.createDirectories(dir);
        Path file = fileFor(day);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
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

    /** The complete lines of one day's file, in order; a torn (unterminated) last line is left out. */
    public List<String> readDay(LocalDate day) throws IOException {
        Path file = fileFor(day);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                String line = text.substring(start, i).strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** Complete lines of every day from {@code from} (inclusive, UTC) onwards, oldest first. */
    public List<String> readSince(LocalDate from) throws IOException {
        List<String> out = new ArrayList<>();
        for (LocalDate d : days()) {
            if (!d.isBefore(from)) {
                out.addAll(readDay(d));
            }
        }
        return out;
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

    public synchronized void close() {
        closeChannel();
    }
}
