package io.smartcloudops.agent.chat.offline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the hosts a question names among the hosts the agent knows, case-insensitively and as whole
 * words: {@code web-1}, {@code 10.0.1.5:9100}, and short forms when unambiguous ({@code 10.0.1.5} for
 * {@code 10.0.1.5:9100}, {@code web-1} for {@code web-1.example.internal}).
 */
final class HostMatcher {

    /** A word where questions put a host: "on web-1", "to web-1", "host web-1", "web-1's". */
    private static final Pattern CANDIDATE = Pattern.compile(
            "\\b(?:on|for|of|is|about|host|server|instance|machine|node|box|vm|at|to|with)\\s+([a-z0-9][a-z0-9_.:-]*[a-z0-9])"
                    + "|\\b([a-z0-9][a-z0-9_.:-]*[a-z0-9])'s\\b");
    /** Names shaped like hosts wherever they stand: "web-9", "db-2.internal", "10.0.3.7", "10.0.3.7:9100". */
    private static final Pattern HOST_SHAPED = Pattern.compile(
            "(?<![\\w.-])(?:[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*-[0-9][a-z0-9]*(?:[-.][a-z0-9]+)*|\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?)(?![\\w-])");
    /** After these a plain word (no digit, dash or dot) is still taken as a host name. */
    private static final Pattern HOST_PLACE = Pattern.compile(
            "\\b(?:on|for|about|host|server|instance|machine|node|box|to|with)\\s+$");
    /** Words that follow "on", "for", "to"... in questions without being hosts. */
    private static final Set<String> NOT_HOSTS = Set.of(
            "sign-off", "signoff", "approval", "follow-up", "dry-run", "cool-down", "cooldown", "roll-back", "go-ahead",
            "the", "all", "every", "each", "it", "this", "that", "my", "our", "a", "an", "any", "now", "today",
            "yesterday", "last", "current", "currently", "anomalous", "down", "up", "high", "low", "slow", "wrong",
            "there", "everything", "everywhere", "cpu", "memory", "disk", "network", "load", "ram", "logs", "log",
            "agent", "service", "services", "average", "avg", "me", "us", "them", "you", "here", "hour", "hours",
            "minute", "minutes", "day", "days", "week", "weeks", "time", "morning", "evening", "night", "tonight",
            "usage", "utilisation", "utilization", "traffic", "space", "status", "health", "alerts", "alert",
            "anomalies", "anomaly", "incidents", "incident", "remediation", "remediations", "restarts", "chat",
            "console", "dashboard", "example", "instance", "host", "server", "machine", "node", "hosts", "servers",
            "machines", "nodes", "instances", "fleet", "system", "systems", "please", "again", "these", "those",
            "which", "what", "who", "how", "when", "why", "where", "whole", "both", "others", "other", "one", "two",
            "three", "recent", "latest", "past", "previous", "ago", "since", "hourly", "daily", "be", "do", "have",
            "has", "had", "going", "happening", "happened", "date", "real", "right", "far", "sure", "yours", "mine",
            "its", "their", "his", "her", "lately", "overall", "total", "summary", "detail", "details", "is", "was",
            "are", "were", "uses", "using", "used", "does", "did", "got", "gets", "shows", "showing", "running",
            "runs", "run", "looks", "seems", "restart", "scale", "notify", "check", "see", "know", "look", "show",
            "find", "get", "fix", "tell", "call", "duty", "fire", "track", "worry", "watch", "speed", "everyone",
            "anyone", "nothing", "something", "anything", "more", "less", "most", "least", "busiest", "highest",
            "lowest", "top", "worst", "best", "so", "then", "by", "and", "or", "than", "per", "across", "between",
            "over", "into", "from", "with", "without", "like", "doing", "looking", "fullest", "biggest", "largest",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "receives", "sends",
            "instead", "ranked", "rank", "ranking");
    /** "web 1", "db_2": a name and its number apart, read as the host "web-1" or "db-2" when one is known. */
    /** The letters a host's name starts with, before its first digit or separator: "web" of "web-1". */
    private static final Pattern NAME_START = Pattern.compile("^([a-z]+)[^a-z]");
    /** A word of letters on its own, not part of a name like "web-9" or "db.internal". */
    private static final Pattern PLAIN_WORD = Pattern.compile("(?<![\\w.-])[a-z]+(?![\\w-]|\\.\\w)");
    private static final Pattern NAME_NUMBER = Pattern.compile("(?<![\\w.-])([a-z]+)[ _]([0-9]+)(?![\\w.-])");
    /** "10", "10m", "24h", "14:00", "2pm", "2026-01-31": times and amounts, not hosts. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "\\d+(?:\\.\\d+)?|\\d{1,2}:\\d{2}(?::\\d{2})?|\\d+(?:s|m|h|d|w|ms|min|mins|hr|hrs|am|pm|x|%)|\\d{4}-\\d{2}-\\d{2}(?:t[\\d:]+z?)?");

    private HostMatcher() {
    }

    /** A word that is the start of several hosts' names ("web" of web-1 and web-2), or of exactly one. */
    record Partial(String word, List<String> hosts) {
    }

    /** Known hosts named in {@code text}, in order of appearance, each once. */
    static List<String> find(String text, Collection<String> known) {
        Map<String, String> names = names(known);
        LinkedHashSet<String> found = new LinkedHashSet<>();
        List<String> tokens = new ArrayList<>(tokens(text));
        Matcher apart = NAME_NUMBER.matcher(text.toLowerCase(Locale.ROOT));
        while (apart.find()) {
            tokens.add(apart.group(1) + apart.group(2));
        }
        for (String token : tokens) {
            String host = names.get(token);
            if (host == null) {
                // "web-1." or "10.0.1.5:" at the end of a sentence
                host = names.get(token.replaceAll("[.:]+$", ""));
            }
            if (host != null) {
                found.add(host);
            }
        }
        return List.copyOf(found);
    }

    /** Maximal runs of characters a host name can hold, lower-cased. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean part = i < text.length() && isHostChar(text.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':' || c == '[' || c == ']';
    }

    /** Lower-case name (full or unambiguous short form) → host as the agent names it. */
    private static Map<String, String> names(Collection<String> known) {
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> shortForms = new HashMap<>();
        for (String host : known) {
            String lower = host.toLowerCase(Locale.ROOT);
            names.put(lower, host);
            int colon = lower.lastIndexOf(':');
            if (colon > 0 && lower.indexOf(']') < colon) {
                shortForms.computeIfAbsent(lower.substring(0, colon), k -> new ArrayList<>()).add(host);
            }
            int dot = lower.indexOf('.');
            if (dot > 0 && !Character.isDigit(lower.charAt(0))) {
                shortForms.computeIfAbsent(lower.substring(0, dot), k -> new ArrayList<>()).add(host);
            }
        }
        shortForms.forEach((shortName, hosts) -> {
            if (hosts.size() == 1 && !names.containsKey(shortName)) {
                names.put(shortName, hosts.getFirst());
            }
        });
        // "web1" for web-1 and "db1" for db-1, when no other known name reads the same without separators
        Map<String, List<String>> compact = new HashMap<>();
        names.forEach((name, host) -> {
            if (Character.isLetter(name.charAt(0))) {
                compact.computeIfAbsent(name.replaceAll("[-_.]", ""), k -> new ArrayList<>()).add(host);
            }
        });
        compact.forEach((name, hosts) -> {
            if (hosts.stream().distinct().count() == 1 && !names.containsKey(name)) {
                names.put(name, hosts.getFirst());
            }
        });
        return names;
    }

    /**
     * The first word of {@code text} that starts known hosts' names without naming one: "db" for db-1,
     * "web" for web-1 and web-2 (ambiguous: the caller asks which). Only the letters before a host's first
     * digit or separator count, and never a word the questions use otherwise ("load", "logs", "agent").
     */
    static Optional<Partial> partial(String text, Collection<String> known) {
        Map<String, List<String>> byStart = new HashMap<>();
        for (String host : new LinkedHashSet<>(known)) {
            String lower = host.toLowerCase(Locale.ROOT);
            Matcher start = NAME_START.matcher(lower);
            if (start.find()) {
                byStart.computeIfAbsent(start.group(1), k -> new ArrayList<>()).add(host);
            }
        }
        Matcher word = PLAIN_WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            String w = word.group();
            List<String> hosts = byStart.get(w);
            if (hosts != null && !NOT_HOSTS.contains(w) && !TypoCorrector.VOCABULARY.contains(w) && MetricWords.find(w).isEmpty()) {
                return Optional.of(new Partial(w, List.copyOf(hosts)));
            }
        }
        return Optional.empty();
    }

    /**
     * A host the question names that the agent does not know: a name-like word ("web-9", "10.0.1.7", "db1")
     * where a host goes ("on", "for", "to", "host", "'s"...), or a plain word right after "on", "host",
     * "server"... that is neither a metric, a time nor a common word ("cpu on vm").
     */
    static Optional<String> unknownMention(String text, Collection<String> known) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> knownLower = new java.util.HashSet<>(names(known).keySet());
        Matcher shaped = HOST_SHAPED.matcher(lower);
        while (shaped.find()) {
            String word = shaped.group().replaceAll("[.:]+$", "");
            if (!knownLower.contains(word) && !knownLower.contains(word.replaceAll(":\\d+$", ""))
                    && MetricWords.find(word.replace('-', ' ')).isEmpty()) {
                return Optional.of(word);
            }
        }
        Matcher m = CANDIDATE.matcher(lower);
        int from = 0;
        while (m.find(from)) {
            // overlapping, always moving on: "on host vm" looks at "host vm" too
            from = m.group(1) != null ? m.start(1) : m.end(2);
            String word = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("[.:]+$", "");
            if (word.isEmpty() || NOT_HOSTS.contains(word) || knownLower.contains(word) || NOT_A_NAME.matcher(word).matches()
                    || !MetricWords.find(word).isEmpty()) {
                continue;
            }
            boolean nameLike = word.chars().anyMatch(Character::isDigit) || word.contains("-") || word.contains(".")
                    || word.contains("_");
            boolean hostPlace = m.group(1) != null && HOST_PLACE.matcher(lower.substring(0, m.start(1))).find();
            if (nameLike || (hostPlace && word.chars().allMatch(Character::isLetter))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }
}
