package io.smartcloudops.agent.alerts;

import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.agent.journal.JsonLine;
import io.smartcloudops.api.alert.Alert;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logs/alerts-YYYY-MM-DD.jsonl}: one line per new or changed alert (the {@link Alert} JSON as received,
 * without the marks of silences and acknowledgements, which have their own files), forced to disk before the
 * webhook is answered. An alert's day is the day it was first received, so its updates land in the same
 * file; on reading, the last line of an id wins.
 */
final class AlertLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertLog.class);

    private final DailyJsonl files;
    private final int retentionDays;
    private LocalDate prunedFor;

    AlertLog(Path dir, int retentionDays) {
        this.files = new DailyJsonl(dir, "alerts");
        this.retentionDays = retentionDays;
    }

    Path dir() {
        return files.dir();
    }

    /** Appends {@code a} as {@code line} ({@link JsonLine#write} of it) and forces it to disk. */
    synchronized void append(Alert a, String line) throws IOException {
        files.append(a.receivedAt(), line);
        LocalDate day = a.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (retentionDays > 0 && !day.equals(prunedFor)) {
            prunedFor = day;
            try {
                files.deleteBefore(day.minusDays(retentionDays));
            } catch (IOException e) {
                LOG.warn("cannot delete old alert logs in {}: {}", files.dir(), e.toString());
            }
        }
    }

    /** The alerts of the files from {@code from} on (all when null), latest state of each, oldest first. */
    List<Alert> read(LocalDate from) throws IOException {
        Map<String, Alert> byId = new LinkedHashMap<>();
        for (DailyJsonl.Line line : files.lines(from == null ? LocalDate.MIN : from, LocalDate.MAX)) {
            try {
                Alert a = JsonLine.read(line.text(), Alert.class);
                if (a.id() == null || a.source() == null || a.state() == null || a.startsAt() == null || a.receivedAt() == null) {
                    files.unreadable(line, "an alert without id, source, state, start or receipt time");
                    continue;
                }
                byId.remove(a.id());
                byId.put(a.id(), a);
            } catch (IOException | IllegalArgumentException e) {
                files.unreadable(line, "not a JSON alert record (a write cut short, or changed by hand)");
            }
        }
        return new ArrayList<>(byId.values());
    }

    @Override
    public void close() {
        files.close();
    }
}
