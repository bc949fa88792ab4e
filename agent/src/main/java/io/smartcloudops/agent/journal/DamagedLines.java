package io.smartcloudops.agent.journal;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines of a log directory's journals that could not be read as records: a write cut short by a crash, a
 * line edited by hand, a record whose hash no longer matches. Such a line is skipped, but never silently:
 * the first time a reader meets it, it is logged at ERROR with its {@code file:line} and counted, and the
 * count is published in {@code /metrics} ({@code smartcloudops_journal_unreadable_lines_total}) and
 * {@code /status}. One instance per directory, shared by every reader of it in this process (the audit log,
 * the anomaly log, the chat's history tool), so a line read by several of them is reported once.
 */
public final class DamagedLines {

    private static final Logger LOG = LoggerFactory.getLogger(DamagedLines.class);
    private static final Map<Path, DamagedLines> BY_DIR = new ConcurrentHashMap<>();
    private static final int KEPT = 20;
    private static final List<String> JOURNALS = List.of("remediation", "anomalies");

    /** One unreadable line: where it is, which journal, and why it was refused. */
    public record Damage(Path file, int line, String journal, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + why;
        }
    }

    private final Map<String, Damage> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final List<Damage> first = new ArrayList<>();

    private DamagedLines() {
    }

    /** The record of {@code dir}'s damaged lines. */
    public static DamagedLines of(Path dir) {
        return BY_DIR.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new DamagedLines());
    }

    /** Reports a line a reader skipped; logs and counts it the first time this file and line are reported. */
    public void report(Path file, int line, String journal, String why) {
        Damage d = new Damage(file, line, journal, why);
        if (seen.putIfAbsent(file.toAbsolutePath().normalize() + ":" + line, d) != null) {
            return;
        }
        counts.merge(journal, 1L, Long::sum);
        synchronized (first) {
            if (first.size() < KEPT) {
                first.add(d);
            }
        }
        LOG.error("unreadable {} record skipped at {}:{}: {} (see docs/runbook.md, 'The audit log')", journal, file, line, why);
    }

    /** Unreadable lines found so far, by journal ({@code remediation}, {@code anomalies}). */
    public Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** The first ones found (at most 20), for {@code /status}. */
    public List<Damage> firstFound() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }

    /** Publishes {@code smartcloudops_journal_unreadable_lines_total{journal}}, zero for a journal without any. */
    public void register(PrometheusRegistry registry) {
        CounterWithCallback.builder().name("smartcloudops_journal_unreadable_lines_total")
                .help("Lines of the audit or anomaly log that could not be read as a record and were skipped (logged at ERROR with file:line)")
                .labelNames("journal")
                .callback(cb -> {
                    Map<String, Long> now = counts();
                    for (String journal : JOURNALS) {
                        cb.call(now.getOrDefault(journal, 0L), journal);
                    }
                }).register(registry);
    }

    /** For {@code /status}: the counts by journal and where the first ones are. */
    public Map<String, Object> status() {
        Map<String, Long> byJournal = new TreeMap<>();
        JOURNALS.forEach(j -> byJournal.put(j, 0L));
        byJournal.putAll(counts());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("unreadable_lines", byJournal);
        s.put("first_unreadable", firstFound().stream().map(Damage::toString).toList());
        return s;
    }
}
