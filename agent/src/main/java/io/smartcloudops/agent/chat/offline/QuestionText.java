package io.smartcloudops.agent.chat.offline;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question as people type it in a chat, made regular before the rules read it: Slack mentions, greetings
 * and lead-ins in front ("@smartcloudops", "{@code <@U024BE7LH>}", "hey bot,", "btw", "can you tell me") and
 * politeness behind ("pls",
 * "thx") removed, repeated punctuation folded ("???"), chat shorthand spelled out ("rn", "whats"), and
 * mistyped keywords corrected ({@link TypoCorrector}). Words that name a known host are never changed.
 *
 * @param text  the regular question, letter case kept (units and messages are quoted from it)
 * @param lower the same in lower case
 */
record QuestionText(String text, String lower) {

    private static final Pattern LEADING = Pattern.compile("^(?:<@[\\w.-]+>|@[\\w.-]+"
            + "|(?:(?:can|could|would) you (?:please )?tell me|tell me|do you know|any idea|i'd like to know|i want to know)(?=\\s+\\S)"
            + "|(?:hey|hi|hiya|hello|yo|ok|okay)(?:\\s+(?:bot|there|team|all|folks|assistant|smartcloudops))?(?=[\\s,!:.-]+\\S)"
            + "|(?:quick question|quick q|q|btw|by the way|fyi|also|and|so|oh|um+|hmm+|well|actually|sorry)(?=[\\s,!:.-]+\\S))"
            + "[\\s,!:.-]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING = Pattern.compile(
            "[\\s,]+(?:pls|plz|please|thx|thanks|thank you|ty|cheers|kthx|mate)(?=[\\s?!.,]*$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("([?!.])[?!.]+");
    /** A word on its own: not the "web" of "web-1" nor the "example" of "web-1.example.internal". */
    private static final Pattern WORD = Pattern.compile("(?<![\\w.@-])[A-Za-z]+(?:'[A-Za-z]+)?(?![\\w-]|\\.\\w)");
    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("rn", "right now"), Map.entry("atm", "right now"), Map.entry("whats", "what's"),
            Map.entry("hows", "how's"), Map.entry("whos", "who's"), Map.entry("wheres", "where's"),
            Map.entry("whys", "why's"), Map.entry("thats", "that's"), Map.entry("isnt", "isn't"),
            Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("yday", "yesterday"),
            Map.entry("wat", "what"), Map.entry("wats", "what's"), Map.entry("wot", "what"), Map.entry("y", "why"),
            Map.entry("r", "are"), Map.entry("sev", "severity"), Map.entry("tonite", "tonight"), Map.entry("bc", "because"));

    static QuestionText of(String question, Collection<String> knownHosts) {
        String text = question.replace('\u2019', '\'').replace('\u2018', '\'').trim();
        String before;
        do {
            before = text;
            text = LEADING.matcher(text).replaceFirst("");
            text = TRAILING.matcher(text).replaceFirst("");
        } while (!text.equals(before) && !text.isEmpty());
        if (text.isEmpty()) {
            text = question.trim();
        }
        text = REPEATED_PUNCTUATION.matcher(text).replaceAll("$1");
        text = text.replaceFirst("(?i)^tl;dr\\b", "summary");
        Set<String> hostWords = hostWords(knownHosts);
        Matcher m = WORD.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String lowerWord = word.toLowerCase(Locale.ROOT);
            String replacement = word;
            if (!hostWords.contains(lowerWord)) {
                String spelled = SHORTHAND.getOrDefault(lowerWord, TypoCorrector.correct(lowerWord));
                replacement = spelled.equals(lowerWord) ? word : spelled;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        String regular = sb.toString();
        return new QuestionText(regular, regular.toLowerCase(Locale.ROOT));
    }

    /** Known hosts and their parts ("web", "cache"): never corrected into a keyword. */
    private static Set<String> hostWords(Collection<String> knownHosts) {
        Set<String> words = new HashSet<>();
        for (String host : knownHosts) {
            String lower = host.toLowerCase(Locale.ROOT);
            words.add(lower);
            words.addAll(java.util.List.of(lower.split("[^a-z]+")));
        }
        return words;
    }
}
