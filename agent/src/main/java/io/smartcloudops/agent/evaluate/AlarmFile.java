package io.smartcloudops.agent.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An alarm CSV ({@code file,timestamp[,row][,...]}, one line per flagged data row, as {@code detect}
 * writes it) and its mapping onto data rows: by {@code row} when every alarm of a file has one, else by
 * timestamp. A timestamp shared by several data rows maps its n-th alarm to the n-th such row; a
 * timestamp between rows snaps to the latest earlier row; one before the first row is dropped.
 */
public final class AlarmFile {

    /** One line: the file column, the timestamp text, and the row index or -1 when absent. */
    public record Alarm(String file, String timestamp, long row) {
    }

    private final List<Alarm> alarms;

    private AlarmFile(List<Alarm> alarms) {
        this.alarms = List.copyOf(alarms);
    }

    public List<Alarm> alarms() {
        return alarms;
    }

    public static AlarmFile read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(file + ": empty alarm file (expected a header with file,timestamp)");
            }
            List<String> names = Arrays.stream(header.replace("\uFEFF", "").split(",", -1))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
            int fileCol = names.indexOf("file");
            int tsCol = names.indexOf("timestamp");
            int rowCol = names.indexOf("row");
            if (fileCol < 0 || tsCol < 0) {
                throw new IOException(file + ": alarm CSV lacks column '" + (fileCol < 0 ? "file" : "timestamp") + "' (has " + names + ")");
            }
            List<Alarm> out = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length <= Math.max(fileCol, tsCol)) {
                    throw new IOException(file + ":" + lineNo + ": too few columns");
                }
                long row = -1;
                if (rowCol >= 0 && rowCol < cells.length && !cells[rowCol].isBlank()) {
                    try {
                        row = (long) Double.parseDouble(cells[rowCol].trim());
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ":" + lineNo + ": row '" + cells[rowCol] + "' is not a number");
                    }
                }
                out.add(new Alarm(cells[fileCol].trim(), cells[tsCol].trim(), row));
            }
            return new AlarmFile(out);
        }
    }

    /**
     * Row indices per label key. Alarms for files without a label key are ignored and reported through
     * {@code warn}, as are snapped or dropped ones.
     */
    public Map<String, int[]> rows(LabelWindows labels, Map<String, List<Instant>> timesByKey, Consumer<String> warn) {
        Map<String, List<Alarm>> byFile = new LinkedHashMap<>();
        for (Alarm a : alarms) {
            byFile.computeIfAbsent(a.file(), f -> new ArrayList<>()).add(a);
        }
        Map<String, List<Integer>> out = new HashMap<>();
        int unknown = 0;
        for (Map.Entry<String, List<Alarm>> e : byFile.entrySet()) {
            String key = labels.keyFor(e.getKey()).orElse(null);
            List<Instant> times = key == null ? null : timesByKey.get(key);
            if (times == null) {
                unknown += e.getValue().size();
                continue;
            }
            List<Integer> rows = out.computeIfAbsent(key, k -> new ArrayList<>());
            int n = times.size();
            List<Alarm> group = e.getValue();
            if (group.stream().allMatch(a -> a.row() >= 0)) {
                int bad = 0;
                for (Alarm a : group) {
                    if (a.row() < n) {
                        rows.add((int) a.row());
                    } else {
                        bad++;
                    }
                }
                if (bad > 0) {
                    warn.accept(key + ": " + bad + " alarm(s) with a row index outside 0.." + (n - 1) + " dropped");
                }
                continue;
            }
            mapByTime(key, group, times, rows, warn);
        }
        if (unknown > 0) {
            warn.accept(unknown + " alarm row(s) for files not in the labels were ignored");
        }
        Map<String, int[]> result = new HashMap<>();
        out.forEach((k, v) -> result.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return result;
    }

    private static void mapByTime(String key, List<Alarm> group, List<Instant> times, List<Integer> rows, Consumer<String> warn) {
        int n = times.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(times::get));  // stable: equal times keep row order
        Instant[] sorted = new Instant[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = times.get(order[i]);
        }
        Map<Instant, Integer> seen = new HashMap<>();
        int snapped = 0;
        int dropped = 0;
        for (Alarm a : group) {
            Instant at;
            try {
                at = LabelWindows.parse(a.timestamp());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": alarm timestamp '" + a.timestamp() + "' is not a time");
            }
            int occ = seen.merge(at, 1, Integer::sum) - 1;
            int lo = lowerBound(sorted, at);
            int hi = upperBound(sorted, at);
            if (hi > lo) {
                if (lo + occ < hi) {
                    rows.add(order[lo + occ]);
                }
            } else if (hi > 0) {
                rows.add(order[hi - 1]);
                snapped++;
            } else {
                dropped++;
            }
        }
        if (snapped > 0 || dropped > 0) {
            warn.accept(key + ": " + snapped + " alarm(s) not on a data timestamp snapped to the latest earlier row, "
                    + dropped + " before the first row dropped");
        }
    }

    private static int lowerBound(Instant[] a, Instant t) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid].compareTo(t) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(Instant[] a, Instant t) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid].compareTo(t) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
