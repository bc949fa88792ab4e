package io.smartcloudops.agent.chat.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Corrects a mistyped keyword ("anomolies", "memroy", "restrat", "lgos") to the word the parser knows, by
 * edit distance (insertions, deletions, substitutions and swaps of two neighbours each count one) against a
 * fixed vocabulary. Conservative, because a wrong correction changes the question: only words of letters,
 * never the first letter, one edit up to nine letters (only a swap in four-letter words), two from ten,
 * and only when exactly one vocabulary word is that close. Words of the vocabulary and English words that
 * mean something else ({@link #REAL_WORDS}) stay as they are.
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
            "latest", "recent", "last", "past", "previous",
            "spike", "spikes", "spiked", "glitches", "weird", "strange", "abnormal", "leaderboard", "ranking", "ranked",
            "busier", "compare", "versus", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday",
            // the detector's words (DetectorQuestions) and acknowledgements
            "learning", "learned", "warming", "warmup", "season", "seasons", "seasonal", "seasonality", "daily", "weekly",
            "hourly", "cycle", "cycles", "pattern", "patterns", "rhythm", "level", "shift", "shifted", "scoring",
            "normal", "usual", "usually", "typical", "typically", "expected", "expect", "expects", "expecting", "baseline",
            "band", "bands", "acked", "acknowledged", "acknowledge", "acknowledgement",
            // notifications (NotificationQuestions)
            "notification", "notifications", "notified", "slack", "pagerduty", "webhook", "webhooks", "delivered",
            "paged", "pager");

    /**
     * English words one edit from a keyword that mean something else ("least" is not "last", "stale" not
     * "scale"): generated from Debian's word list by bench/chat/typo-real-words.py.
     */
    private static final String REAL_WORDS_RESOURCE = "/chat/typo-real-words.txt";
    private static final Set<String> REAL_WORDS = realWords();

    private TypoCorrector() {
    }

    /** The vocabulary word {@code word} (lower case) was meant to be, or {@code word} itself. */
    static String correct(String word) {
        int length = word.length();
        if (length < 4 || VOCABULARY.contains(word) || REAL_WORDS.contains(word) || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        int allowed = length >= 10 ? 2 : 1; // two edits in shorter words turn "business" into "busiest"
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

    private static Set<String> realWords() {
        try (InputStream in = TypoCorrector.class.getResourceAsStream(REAL_WORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + REAL_WORDS_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
