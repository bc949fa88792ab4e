package io.smartcloudops.agent.detect;

import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.api.Json;
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

    public AnomalyLog(Path dir) {
        this.files = new DailyJsonl(dir, "anomalies");
    }

    public Path dir() {
        return files.dir();
    }

    public void append(Anomaly a) throws IOException {
        files.append(a.timestamp(), Json.write(a));
    }

    /** Anomalies of the files from {@code from} on (all files when null), latest state of each, oldest first. */
    public List<Anomaly> read(LocalDate from) throws IOException {
        List<String> lines = from == null ? files.readSince(LocalDate.MIN) : files.readSince(from);
        Map<String, Anomaly> byId = new LinkedHashMap<>();
        int bad = 0;
        for (String line : lines) {
            try {
                Anomaly a = Json.mapper().readValue(line, Anomaly.class);
                if (a.id() == null || a.host() == null || a.timestamp() == null) {
                    bad++;
                    continue;
                }
                byId.remove(a.id());
                byId.put(a.id(), a);
            } catch (IOException | IllegalArgumentException e) {
                bad++;
            }
        }
        if (bad > 0) {
            LOG.warn("{} unreadable line(s) in {}/anomalies-*.jsonl skipped", bad, files.dir());
        }
        return new ArrayList<>(byId.values());
    }

    @Override
    public void close() {
        files.close();
    }
}
