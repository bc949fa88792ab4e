package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.remediation.ActionType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The action an imperative sentence asks for: a proposal ("Restart nginx on web-1", "please restart ...",
 * "I need nginx restarted on web-2", "scale web-2 down"), a refusal of what the chat cannot do ("reboot",
 * "turn off ..."), or a question back when the target is ambiguous or more than one host. Only the start of
 * the sentence is read, never text in the middle of a question ("... and restart everything" asks for nothing).
 */
final class ActionRequests {

    private static final Pattern POLITE = Pattern.compile(
            "^(?:(?:please|pls|kindly|ok|okay|now|then|can you|could you|would you|will you|go ahead and|i want you to"
                    + "|i want to|i'd like you to|i would like you to|i'd like to|let's|lets|we should|you should"
                    + "|(?:can|could|would|will) (?:someone|somebody|anyone)|someone|somebody)[,]?\\s+)+");
    private static final Pattern RESTART = Pattern.compile("^(restart|re-start|bounce|reload|recycle|kick(?!\\s+off))\\b");
    private static final String HOW_MANY = "(?:an?|one|another|an extra|two|three|four|five|\\d{1,2})\\s+";
    private static final String MACHINES = "(?:instances?|nodes?|servers?|machines?|box(?:es)?|vms?)";
    private static final Pattern SCALE_UP = Pattern.compile(
            "^(scale(?:\\s+(?:up|out))?|add\\s+(?:" + HOW_MANY + ")?(?:more\\s+|extra\\s+)?(?:" + MACHINES + "|capacity)"
                    + "|spin\\s+up\\s+(?:" + HOW_MANY + ")?(?:more\\s+|extra\\s+)?" + MACHINES
                    + "|give\\s+\\S+\\s+more\\s+(?:capacity|instances|nodes|servers|machines|headroom))\\b(?!\\s+(?:down|in)\\b)");
    private static final Pattern SCALE_IN = Pattern.compile(
            "^(scale\\s+(?:in|down)|remove\\s+(?:" + HOW_MANY + ")?" + MACHINES + ")\\b");
    /** "I need nginx restarted on web-2", "get nginx restarted": a request, read as "restart nginx on web-2". */
    private static final Pattern WANTS_DONE = Pattern.compile(
            "^(?:(?:i|we)\\s+(?:need|want|would like|'d like)|need|get)\\s+(\\S+(?:\\s+service)?)\\s+(?:restarted|bounced)\\b", Pattern.CASE_INSENSITIVE);
    /** "nginx restart on web-1 please": a request when the sentence is only that, not asked as a question. */
    private static final Pattern NOUN_FIRST = Pattern.compile(
            "^([a-z0-9][a-z0-9@._-]*)\\s+(?:restart|bounce)\\s+(?=(?:on|for)\\s+[\\w.:-]*\\w(?:\\s+(?:now|asap|please))?[.!]?$)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_UNITS = Set.of("what", "which", "why", "when", "who", "how", "did", "does", "do", "is",
            "was", "were", "has", "have", "any", "the", "a", "an", "no", "should", "would", "could", "can", "will", "failed",
            "next", "first", "scheduled", "manual", "automatic", "auto", "rolling", "another", "that", "this", "my", "our", "one");
    /** "tell me ...", "alert me when ..." ask for an answer, not a notification. */
    private static final Pattern NOTIFY = Pattern.compile("^(notify|page|alert|tell|inform)\\b(?!\\s+(?:me|us)\\b)");
    private static final Pattern UNSUPPORTED = Pattern.compile("^(reboot|shut\\s*down|power\\s*off|stop|kill|terminate|delete"
            + "|remove|rm|drop|wipe|format|run|execute|exec|deploy|roll\\s*back|rollback|start|disable|enable|ssh|sudo"
            + "|install|uninstall|upgrade|update|patch|destroy|purge|truncate|chmod|chown|ignore|turn|switch|change|set"
            + "|modify|edit|adjust|increase|decrease|raise|lower|approve|reject|deny|ack|acknowledge|snooze|silence|mute"
            + "|unmute|unsnooze|resolve|close|create|configure|pause|resume|suspend|halt|flush|clear|reset)\\b");
    private static final Pattern TARGET_AFTER = Pattern.compile("(?i)\\b(?:on|at|in|for|to)\\s+([A-Za-z0-9][A-Za-z0-9_.:\\[\\]-]*)");
    private static final Set<String> FILLER = Set.of("the", "service", "services", "unit", "daemon", "process", "on", "at", "in",
            "for", "please", "now", "host", "server", "instance", "of", "again", "it", "from", "to", "right", "away", "asap",
            "a", "an", "my", "our", "its", "immediately", "quickly", "node");
    private static final Pattern SCALE_DOWN_AFTER = Pattern.compile("(?i)\\bdown\\b|\\bin\\s*[.!?]*$");
    private static final Pattern SCALE_TO = Pattern.compile("(?i)\\bto\\s+(\\d{1,4}|" + QuestionParser.NUMBER_WORDS + ")\\b");
    private static final Set<String> SCALE_WORDS = Set.of("up", "out", "in", "down", "by", "one", "more", "group", "tier",
            "capacity", "instances", "instance", "nodes", "servers", "to", "zero");
    private static final Set<String> EVERYTHING = Set.of("everything", "all", "every", "everywhere", "each", "*", "fleet");

    /** "add 2 instances", "scale out by three": how many instances a scale-up request asks for. */
    private static final Pattern INSTANCES_ASKED = Pattern.compile("(?i)\\b(\\d{1,2}|" + QuestionParser.NUMBER_WORDS
            + ")\\s+(?:more\\s+|extra\\s+|new\\s+)?" + MACHINES + "|\\bby\\s+(\\d{1,2}|" + QuestionParser.NUMBER_WORDS + ")\\b");

    private ActionRequests() {
    }

    /** The number of instances a scale-up request names (0 when it names none): scale_up adds one per approval. */
    static int instancesAsked(String question) {
        Matcher m = INSTANCES_ASKED.matcher(question);
        if (!m.find()) {
            return 0;
        }
        String n = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        return QuestionParser.NUMBERS.containsKey(n) ? QuestionParser.NUMBERS.get(n) : Integer.parseInt(n);
    }

    /** What the question asks to be done, or empty when it is not an imperative. */
    static Optional<Intent> read(QuestionText text, List<String> hosts, Optional<HostMatcher.Partial> ambiguous,
            Collection<String> known) {
        String lower = text.lower().trim();
        Matcher polite = POLITE.matcher(lower);
        int offset = polite.find() ? polite.end() : 0;
        String original = requestAsImperative(text.text().trim().substring(Math.min(offset, text.text().trim().length())));
        String imperative = original.toLowerCase(Locale.ROOT);
        Matcher m;
        boolean proposes = RESTART.matcher(imperative).find() || SCALE_UP.matcher(imperative).find()
                || SCALE_IN.matcher(imperative).find() || NOTIFY.matcher(imperative).find();
        if (proposes && ambiguous.isPresent()) {
            return Optional.of(new Intent.Ambiguous(ambiguous.get().word(), ambiguous.get().hosts()));
        }
        if ((m = RESTART.matcher(imperative)).find()) {
            return Optional.of(restart(original.substring(m.end()), hosts, known));
        }
        if ((m = SCALE_IN.matcher(imperative)).find()) {
            return Optional.of(scale(ActionType.SCALE_IN, original.substring(m.end()), hosts, known));
        }
        if ((m = SCALE_UP.matcher(imperative)).find()) {
            // "scale web-2 down": the direction comes after the target; "give web-2 more capacity": inside the phrase
            String rest = m.group(1).startsWith("give") ? original.substring("give".length()) : original.substring(m.end());
            boolean down = m.group(1).equals("scale") && SCALE_DOWN_AFTER.matcher(rest).find();
            return Optional.of(scale(down ? ActionType.SCALE_IN : ActionType.SCALE_UP, rest, hosts, known));
        }
        if ((m = NOTIFY.matcher(imperative)).find()) {
            return Optional.of(notify(original, hosts, known));
        }
        if ((m = UNSUPPORTED.matcher(imperative)).find()) {
            return Optional.of(new Intent.Unsupported(m.group(1)));
        }
        return Optional.empty();
    }

    /**
     * "I need nginx restarted on web-2" → "restart nginx on web-2"; "nginx restart on web-1" → "restart nginx on
     * web-1" (not when asked as a question: "did nginx restart on web-1?" starts with a question word).
     */
    private static String requestAsImperative(String text) {
        Matcher m = WANTS_DONE.matcher(text);
        if (m.find()) {
            return "restart " + m.group(1) + text.substring(m.end());
        }
        m = NOUN_FIRST.matcher(text);
        if (m.find() && !NOT_UNITS.contains(m.group(1).toLowerCase(Locale.ROOT))
                && !TypoCorrector.VOCABULARY.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return "restart " + m.group(1) + " " + text.substring(m.end());
        }
        return text;
    }

    /** "scale up web-1", "scale web-2 up", "scale in web-2 to 2": the host named, else the word after the verb. */
    private static Intent scale(ActionType action, String rest, List<String> hosts, Collection<String> known) {
        String target = hosts.isEmpty() ? null : hosts.getFirst();
        int named = hosts.size();
        boolean everything = false;
        for (String raw : rest.trim().split("\\s+")) {
            String word = raw.toLowerCase(Locale.ROOT).replaceAll("^[\"'`(]+|[\"'`),.;:!?]+$", "");
            if (EVERYTHING.contains(word)) {
                everything = true;
            }
            if (target == null && !word.isEmpty() && !FILLER.contains(word) && !SCALE_WORDS.contains(word) && !EVERYTHING.contains(word)
                    && !QuestionParser.NUMBERS.containsKey(word) && !word.matches("\\d+")) {
                List<String> matched = HostMatcher.find(word, known);
                target = matched.isEmpty() ? unshouted(raw.replaceAll("^[\"'`(]+|[\"'`),.;:!?]+$", "")) : matched.getFirst();
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher to = SCALE_TO.matcher(rest);
        if (action == ActionType.SCALE_IN && to.find()) {
            String n = to.group(1).toLowerCase(Locale.ROOT);
            params.put("to", Integer.toString(QuestionParser.NUMBERS.containsKey(n) ? QuestionParser.NUMBERS.get(n) : Integer.parseInt(n)));
        }
        String missing = everything || named > 1 ? "one target" : target == null ? "target" : null;
        return new Intent.Propose(action, everything ? null : target, params, missing);
    }

    private static Intent restart(String rest, List<String> hosts, Collection<String> known) {
        String target = hosts.isEmpty() ? targetAfter(rest, known).orElse(null) : hosts.getFirst();
        String unit = null;
        boolean everything = false;
        for (String raw : rest.trim().split("\\s+")) {
            String word = raw.replaceAll("^[\"'`(]+|[\"'`),.;:!?]+$", "");
            String lowerWord = word.toLowerCase(Locale.ROOT);
            if (word.isEmpty() || FILLER.contains(lowerWord)) {
                continue;
            }
            if (EVERYTHING.contains(lowerWord)) {
                everything = true;
                continue;
            }
            boolean isHost = hosts.stream().anyMatch(h -> h.equalsIgnoreCase(word)) || (target != null && target.equalsIgnoreCase(word))
                    || !HostMatcher.find(word, known).isEmpty()
                    // "restart the db": the short name the target was read from is the host, not the unit
                    || target != null && HostMatcher.partial(lowerWord, known).filter(p -> p.hosts().equals(List.of(target))).isPresent();
            if (isHost) {
                continue;
            }
            if (unit == null && word.matches("[A-Za-z0-9][A-Za-z0-9@._-]{0,99}")) {
                unit = unshouted(word);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (unit != null) {
            params.put("unit", unit);
        }
        // "restart nginx on web-1 and web-2": one proposal names one host, so ask rather than pick the first
        String missing = everything || hosts.size() > 1 ? "one target" : target == null ? "target" : unit == null ? "unit" : null;
        return new Intent.Propose(ActionType.RESTART_SERVICE, target, params, missing);
    }

    private static Intent notify(String original, List<String> hosts, Collection<String> known) {
        String target = hosts.isEmpty() ? targetAfter(original, known).orElse(null) : hosts.getFirst();
        Matcher m = Pattern.compile("(?i)\\b(?:that|saying|with message|message)\\b[:\\s]*(.+)$|:\\s*(.+)$").matcher(original);
        String message = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)).trim() : original.trim();
        message = TextCut.head(message, 500);
        return new Intent.Propose(ActionType.NOTIFY, target, Map.of("message", message), target == null ? "target" : null);
    }

    /** "... on web-9": a target the agent may not know; the remediation's validation decides. */
    private static Optional<String> targetAfter(String text, Collection<String> known) {
        Matcher m = TARGET_AFTER.matcher(text);
        while (m.find()) {
            String word = m.group(1).replaceAll("[.:]+$", "");
            String lowerWord = word.toLowerCase(Locale.ROOT);
            if (!FILLER.contains(lowerWord) && !EVERYTHING.contains(lowerWord)) {
                List<String> matched = HostMatcher.find(word, known);
                return Optional.of(matched.isEmpty() ? unshouted(word) : matched.getFirst());
            }
        }
        return Optional.empty();
    }

    /** "NGINX" typed in capitals is nginx; a name in mixed case ("NetworkManager") is kept as typed. */
    private static String unshouted(String word) {
        return word.chars().anyMatch(Character::isUpperCase) && word.chars().noneMatch(Character::isLowerCase)
                ? word.toLowerCase(Locale.ROOT) : word;
    }
}
