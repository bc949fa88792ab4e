package io.smartcloudops.agent.evaluate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores one series: which labelled windows the alarms hit, how many false-positive events they make,
 * and the point-wise counts. Rows are indexed by position (timestamps may repeat or step back), windows
 * cover the rows whose timestamp lies in [start, end].
 */
public final class EventScorer {

    private final ScoringRules rules;

    public EventScorer(ScoringRules rules) {
        this.rules = rules;
    }

    public ScoringRules rules() {
        return rules;
    }

    /**
     * @param times   timestamp of every data row, in file order
     * @param windows the series' labelled windows
     * @param alarms  flagged row indices (any order, duplicates allowed; out-of-range ones are ignored)
     */
    public FileScore score(String key, List<Instant> times, List<LabelWindows.Window> windows, int[] alarms) {
        int n = times.size();
        int p = rules.probationRows(n);
        int[] a = Arrays.stream(alarms).filter(i -> i >= p && i < n).sorted().distinct().toArray();

        List<int[]> wins = new ArrayList<>();
        boolean[] inWindow = new boolean[n];
        for (LabelWindows.Window w : windows) {
            int[] rows = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (w.contains(times.get(i))) {
                    rows[count++] = i;
                }
            }
            if (count > 0) {
                int[] r = Arrays.copyOf(rows, count);
                wins.add(r);
                for (int i : r) {
                    inWindow[i] = true;
                }
            }
        }
        boolean[] hit = new boolean[n];
        for (int i : a) {
            hit[i] = true;
        }
        int detected = 0;
        List<Integer> delays = new ArrayList<>();
        for (int[] rows : wins) {
            for (int i : rows) {
                if (hit[i]) {
                    detected++;
                    delays.add(i - rows[0]);
                    break;
                }
            }
        }

        int[] inWindowBefore = new int[n];  // in-window rows among 0..i
        int running = 0;
        for (int i = 0; i < n; i++) {
            running += inWindow[i] ? 1 : 0;
            inWindowBefore[i] = running;
        }
        int fpEvents = 0;
        int outside = 0;
        int prev = -1;
        int start = -1;
        for (int i : a) {
            if (inWindow[i]) {
                continue;
            }
            outside++;
            boolean newEvent = prev < 0 || i - prev > rules.gap() || inWindowBefore[i] - inWindowBefore[prev] > 0
                    || (rules.maxFpEventRows() > 0 && i - start >= rules.maxFpEventRows());
            if (newEvent) {
                fpEvents++;
                start = i;
            }
            prev = i;
        }

        boolean[] adjusted = hit.clone();
        for (int[] rows : wins) {
            boolean any = false;
            for (int i : rows) {
                any |= hit[i];
            }
            if (any) {
                for (int i : rows) {
                    adjusted[i] = true;
                }
            }
        }
        Confusion point = Confusion.count(hit, inWindow, p, n);
        Confusion pointAdjusted = Confusion.count(adjusted, inWindow, p, n);
        return new FileScore(key, n, p, wins.size(), detected, fpEvents, a.length, outside, delays,
                point.tp(), point.fp(), point.fn(), pointAdjusted.tp(), pointAdjusted.fp(), pointAdjusted.fn());
    }
}
