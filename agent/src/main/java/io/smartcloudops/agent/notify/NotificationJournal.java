package io.smartcloudops.agent.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.agent.journal.JsonLine;
import io.smartcloudops.agent.oncall.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logs/notifications-YYYY-MM-DD.jsonl}: where each anomaly or alert the notifier follows stands on the
 * channels, so that a restart sends exactly the resolves still owed and opens nothing a second time. A line is
 * the whole state of one subject, appended (forced to disk) whenever it changes: told on a channel, a repeat
 * sent, its resolve owed, that resolve delivered. On reading, the last line of a subject wins; closed subjects
 * are dropped. The first line of a new UTC day carries every subject still followed forward, so pruning files
 * older than {@code logs.retention_days} never loses one that is still open. Between them, a line
 * {@code {"timestamp":...,"delivery":{...}}} records each notice a channel took or gave up ({@link Delivery}): what
 * the chat reads to say what was sent; reading the subjects' state passes over those lines.
 */
final class NotificationJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationJournal.class);

    /** Where a subject is in its notifications. */
    enum Stage {
        /** Open: {@code told} heard of it (or are about to), {@code wanted} should once no silence or ack holds it back. */
        OPEN,
        /** Ended: the resolve is owed to {@code owed} until each channel delivered it or gave it up. */
        RESOLVING,
        /** Nothing more to send. */
        CLOSED;

        @JsonValue
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Stage parse(String text) {
            for (Stage s : values()) {
                if (s.key().equals(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown stage '" + text + "' (expected open, resolving or closed)");
        }
    }

    /**
     * One line: a subject's state on the channels.
     *
     * @param subject  what the notices are about (the last text sent)
     * @param finding  what silences match (open subjects only)
     * @param wanted   channels its routing names
     * @param told     channels it was opened on (written before the notice is queued: a crash in between means
     *                 it is not opened twice, and its resolve still goes out)
     * @param owed     channels its resolve is owed to
     * @param lastSent when it was last opened or repeated
     */
    record Line(Instant timestamp, Stage stage, Subject subject, Finding finding, Set<String> wanted, Set<String> told,
                Set<String> owed, Instant lastSent) {
        Line {
            wanted = wanted == null ? Set.of() : new TreeSet<>(wanted);
            told = told == null ? Set.of() : new TreeSet<>(told);
            owed = owed == null ? Set.of() : new TreeSet<>(owed);
        }

        String key() {
            return Notifier.key(subject.kind(), subject.id());
        }
    }

    /** A line recording one {@link Delivery}. */
    record DeliveryLine(Instant timestamp, Delivery delivery) {
    }

    private final DailyJsonl files;
    private final int retentionDays;
    private LocalDate lastDay;

    NotificationJournal(Path logsDir, int retentionDays) {
        this.files = new DailyJsonl(logsDir, "notifications");
        this.retentionDays = retentionDays;
    }

    Path dir() {
        return files.dir();
    }

    /** The subjects not closed, by key, as the files from {@code from} on leave them. */
    Map<String, Line> read(LocalDate from) throws IOException {
        Map<String, Line> out = new LinkedHashMap<>();
        for (DailyJsonl.Line text : files.lines(from == null ? LocalDate.MIN : from, LocalDate.MAX)) {
            Line line;
            try {
                line = JsonLine.read(text.text(), Line.class);
            } catch (IOException | IllegalArgumentException e) {
                files.unreadable(text, "not a JSON notification record (a write cut short, or changed by hand)");
                continue;
            }
            if (line.stage() == null && line.subject() == null && isDelivery(text)) {
                continue;
            }
            if (line.timestamp() == null || line.stage() == null || line.subject() == null || line.subject().kind() == null
                    || line.subject().id() == null) {
                files.unreadable(text, "a notification record without time, stage or subject");
                continue;
            }
            out.remove(line.key());
            if (line.stage() != Stage.CLOSED) {
                out.put(line.key(), line);
            }
        }
        return out;
    }

    private static boolean isDelivery(DailyJsonl.Line text) {
        try {
            return JsonLine.read(text.text(), DeliveryLine.class).delivery() != null;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The deliveries recorded on the UTC days {@code from} to {@code to}, oldest first; unreadable lines are skipped. */
    List<Delivery> deliveries(LocalDate from, LocalDate to) throws IOException {
        List<Delivery> out = new ArrayList<>();
        for (DailyJsonl.Line text : files.lines(from, to)) {
            if (!text.text().contains("\"delivery\"")) {
                continue;  // a subject's state (cheap test first: most lines are)
            }
            try {
                Delivery d = JsonLine.read(text.text(), DeliveryLine.class).delivery();
                if (d != null && d.at() != null && d.channel() != null && d.notice() != null) {
                    out.add(d);
                }
            } catch (IOException | IllegalArgumentException e) {
                // reported by read() at start; a line that is not a delivery is not one to list
            }
        }
        return out;
    }

    /**
     * Appends a delivery and forces it to disk. It leaves the day's carrying forward of open subjects to the next
     * state line, and the file it lands in is the day of its own time.
     */
    synchronized void append(Delivery delivery) throws IOException {
        files.append(delivery.at(), JsonLine.write(new DeliveryLine(delivery.at(), delivery)));
    }

    /**
     * Appends {@code line} and forces it to disk. On the first append of a UTC day, {@code stillOpen} (every
     * subject followed, before this change) is written first and files beyond the retention are deleted.
     */
    synchronized void append(Line line, Supplier<Collection<Line>> stillOpen) throws IOException {
        LocalDate day = line.timestamp().atZone(ZoneOffset.UTC).toLocalDate();
        if (!day.equals(lastDay)) {
            if (lastDay != null) {
                for (Line open : stillOpen.get()) {
                    if (!open.key().equals(line.key())) {
                        files.append(line.timestamp(), JsonLine.write(new Line(line.timestamp(), open.stage(), open.subject(),
                                open.finding(), open.wanted(), open.told(), open.owed(), open.lastSent())));
                    }
                }
            }
            lastDay = day;
            prune(day);
        }
        files.append(line.timestamp(), JsonLine.write(line));
    }

    /** Marks the day the reloaded state was read on: the next append on a later day carries it forward. */
    synchronized void reloadedOn(LocalDate day) {
        lastDay = day;
    }

    private void prune(LocalDate day) {
        if (retentionDays <= 0) {
            return;
        }
        try {
            files.deleteBefore(day.minusDays(retentionDays));
        } catch (IOException e) {
            LOG.warn("cannot delete old notification logs in {}: {}", files.dir(), e.toString());
        }
    }

    @Override
    public void close() {
        files.close();
    }
}
