package io.smartcloudops.agent.chat.offline;

import java.util.Set;

/**
 * Corrects a mistyped keyword ("anomolies", "memroy", "restrat", "lgos") to the word the parser knows, by
 * edit distance (insertions, deletions, substitutions and swaps of two neighbours each count one) against a
 * fixed vocabulary. Conservative, because a wrong correction changes the question: only words of letters,
 * never the first letter, one edit up to seven letters (only a swap in four-letter words), two from eight,
 * and only when exactly one vocabulary word is that close. Words that are themselves in the vocabulary or
 * in {@link #KEEP} stay as they are.
 */
final class TypoCorrector {

    /** The words the parser's rules key on, with the inflections people type. */
    static final Set<String> VOCABULARY = Set.of(
            "anomaly", "anomalies", "anomalous", "incident", "incidents", "outlier", "outliers", "unusual",
            "alert", "alerts", "alerting", "alerted", "firing", "paging", "alertmanager", "grafana",
            "silence", "silences", "silenced", "snooze", "snoozed", "snoozes", "muted",
            "memory", "processor", "network", "traffic", "inbound", "outbound", "bandwidth", "storage", "disk",
            "load", "average", "maximum", "minimum", "median", "percentile", "statistics", "stats", "peak", "highest",
            "lowest", "trend", "usage", "utilisation", "utilization", "current", "currently",
            "remediation", "remediations", "remediate", "remediated", "automation", "approval", "approvals", "pending",
            "restart", "restarts", "restarted", "restarting", "bounce", "bounced", "scale", "scaled", "scaling",
            "scales", "notify", "reboot",
            "status", "health", "healthy", "uptime", "agent", "detector", "rules",
            "busiest", "hottest", "heaviest", "fullest", "hardest",
            "logs", "audit", "logged", "entries", "records",
            "explain", "summarize", "summarise", "summary", "happened", "happening", "anything", "something",
            "today", "yesterday", "morning", "afternoon", "evening", "night", "midnight", "tonight",
            "minute", "minutes", "hour", "hours", "second", "seconds", "week", "weeks", "since", "between",
            "latest", "recent", "last", "past", "previous");

    /** Common words one edit from a keyword that mean something else ("state" is not "stats"). */
    private static final Set<String> KEEP = Set.of(
            "state", "states", "start", "starts", "started", "list", "lost", "loss", "most", "host", "hosts", "post",
            "mean", "means", "alter", "alters", "later", "rates", "fire", "fired", "lower", "restore", "restored",
            "silent", "spike", "spikes", "roles", "rule", "scaler", "pages", "paged", "loads", "loaded", "disks",
            "nodes", "stat", "seconded", "minutely", "hourly", "weekly", "nightly", "agents", "heavier", "fuller",
            "stars", "store", "stores", "lasts", "lasted", "pasta");

    private TypoCorrector() {
    }

    /** The vocabulary word {@code word} (lower case) was meant to be, or {@code word} itself. */
    static String correct(String word) {
        int length = word.length();
        if (length < 4 || VOCABULARY.contains(word) || KEEP.contains(word) || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        int allowed = length >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String known : VOCABULARY) {
            if (known.charAt(0) != word.charAt(0) || Math.abs(known.length() - length) > allowed) {
                continue;
            }
            int d = distance(word, known);
            if (length == 4 && !isSwap(word, known)) {
                continue; // "lgos" is "logs", but "loss" or "lead" are words of their own
            }
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && bestDistance <= allowed && !tie ? best : word;
    }

    private static boolean isSwap(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first >= 0) {
                    return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                first = i;
            }
        }
        return false;
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
