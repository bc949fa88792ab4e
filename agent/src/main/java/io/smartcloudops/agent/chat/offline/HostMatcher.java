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

    private static final Pattern CANDIDATE = Pattern.compile(
            "\\b(?:on|for|of|is|about|host|server|instance|at)\\s+([a-z0-9][a-z0-9_.:-]*[a-z0-9])");
    private static final Set<String> NOT_HOSTS = Set.of("the", "all", "every", "each", "it", "this", "that", "my", "our",
            "a", "an", "any", "now", "today", "yesterday", "last", "current", "currently", "anomalous", "down", "up",
            "high", "low", "slow", "wrong", "there", "everything", "everywhere", "cpu", "memory", "disk", "network",
            "load", "ram", "logs", "log", "agent", "service");

    private HostMatcher() {
    }

    /** Known hosts named in {@code text}, in order of appearance, each once. */
    static List<String> find(String text, Collection<String> known) {
        Map<String, String> names = names(known);
        LinkedHashSet<String> found = new LinkedHashSet<>();
        for (String token : tokens(text)) {
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
        return names;
    }

    /** A word that looks like a host name after "on", "for", "is"... but is not one the agent knows. */
    static Optional<String> unknownMention(String text, Collection<String> known) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> knownLower = new java.util.HashSet<>(names(known).keySet());
        Matcher m = CANDIDATE.matcher(lower);
        while (m.find()) {
            String word = m.group(1);
            if (NOT_HOSTS.contains(word) || knownLower.contains(word)) {
                continue;
            }
            if (word.chars().anyMatch(Character::isDigit) || word.contains("-") || word.contains(".")) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }
}
