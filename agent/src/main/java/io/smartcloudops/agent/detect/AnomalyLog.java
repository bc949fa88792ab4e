package io.smartcloudops.agent.detect;

import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.agent.journal.JsonLine;
import io.smartcloudops.api.anomaly.Anomaly;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logs/anomalies-YYYY-MM-DD.jsonl}: one line per new or changed anomaly (the {@link Anomaly} JSON),
 * forced to disk before the anomaly is served or published. A record's day is the day it was raised,
 * so its updates land in the same file; on reading, the last line of an id wins.
 */
public final class AnomalyLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyLog.class);

    private final DailyJsonl files;
    private final int retentionDays;
    private LocalDate prunedFor;

    /** @param retentionDays files of days older than this are deleted (0 keeps everything) */
    public AnomalyLog(Path dir, int retentionDays) {
        this.files = new DailyJsonl(dir, "anomalies");
        this.retentionDays = retentionDays;
    }

    public Path dir() {
        return files.dir();
    }

    public synchronized void append(Anomaly a) throws IOException {
        files.append(a.timestamp(), JsonLine.write(a));
        prune(a.timestamp().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    }

    /** Deletes the files older than the retention, once per day seen. */
    public synchronized void prune(LocalDate today) {
        if (retentionDays <= 0 || today.equals(prunedFor)) {
            return;
        }
        prunedFor = today;
        try {
            int n = files.deleteBefore(today.minusDays(retentionDays));
            if (n > 0) {
                LOG.info("deleted {} anomaly log file(s) older than {} days", n, retentionDays);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete old anomaly logs in {}: {}", files.dir(), e.toString());
        }
    }

    /** Anomalies of the files from {@code from} on (all files when null), latest state of each, oldest first. */
    public List<Anomaly> read(LocalDate from) throws IOException {
        Map<String, Anomaly> byId = new LinkedHashMap<>();
        for (DailyJsonl.Line line : files.lines(from == null ? LocalDate.MIN : from, LocalDate.MAX)) {
            try {
                Anomaly a = JsonLine.read(line.text(), Anomaly.class);
                if (a.id() == null || a.host() == null || a.timestamp() == null) {
                    files.unreadable(line, "an anomaly without id, host or timestamp");
                    continue;
                }
                byId.remove(a.id());
                byId.put(a.id(), a);
            } catch (IOException | IllegalArgumentException e) {
                files.unreadable(line, "not a JSON anomaly record (a write cut short, or changed by hand)");
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** {@link #read} of every file, empty when they cannot be read (for checks, not for the agent). */
    List<Anomaly> readQuietly() {
        try {
            return read(null);
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        files.close();
    }
}
