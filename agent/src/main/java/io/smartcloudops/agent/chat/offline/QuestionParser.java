package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.context.Turn;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question into an {@link Intent}, deterministically: keyword rules in a fixed order, the hosts
 * the agent knows, metric synonyms, counts and time expressions. An action is only read from an
 * imperative sentence ("Restart nginx on web-1", "please restart ..."), never from text in the middle of
 * a question ("... and restart everything" asks for nothing).
 */
final class QuestionParser {

    private static final Pattern POLITE = Pattern.compile(
            "^(?:(?:please|pls|kindly|ok|okay|now|then|can you|could you|would you|will you|go ahead and|i want you to"
                    + "|i want to|i'd like you to|i would like you to|i'd like to|let's|lets|we should|you should"
                    + "|(?:can|could|would|will) (?:someone|somebody|anyone)|someone|somebody)[,]?\\s+)+");
    private static final Pattern RESTART = Pattern.compile("^(restart|re-start|bounce|reload|recycle|kick(?!\\s+off))\\b");
    private static final Pattern SCALE_UP = Pattern.compile(
            "^(scale(?:\\s+(?:up|out))?|add\\s+(?:an?\\s+|one\\s+)?(?:more\\s+)?(?:instance|node|server|capacity))\\b(?!\\s+(?:down|in)\\b)");
    private static final Pattern SCALE_IN = Pattern.compile(
            "^(scale\\s+(?:in|down)|remove\\s+(?:an?\\s+|one\\s+)?(?:instance|node|server))\\b");
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

    private static final Pattern REMEDIATION = Pattern.compile("remediat|\\bauto[- ]?heal|\\bself[- ]?heal"
            + "|\\bactions?\\b.*\\b(did|done|taken|took|ran|run|performed|happened|today|yesterday|history)\\b"
            + "|\\bwhat did\\b.*\\b(rules?|agent|automation|you|operators?|humans?|people|anyone|someone|bot)\\b.*\\bdo\\b|\\b(restarts|restarted|scaled)\\b"
            + "|\\bscale[- ]?(?:ups|outs|ins|downs)\\b|\\b(pending|approvals?|awaiting approval)\\b"
            // a question about an action done: "did you restart anything on db-1", "who bounced nginx"
            + "|^(?:did|has|have|had|was|were|who|when did|how many times did|how often did)\\b.*\\b(restart\\w*|bounc\\w*|scal\\w*|reboot\\w*)");
    private static final Pattern EXPLAIN = Pattern.compile(
            "\\b(why|explain|what'?s wrong|what is wrong|what went wrong|what happened|root cause|cause of|causes|caused|diagnos\\w*"
                    + "|what'?s up with|what is up with|going on with|acting up|how come|what made)\\b");
    private static final Pattern SNOOZED = Pattern.compile("\\b(snoozed?|snoozes|snoozing|silenced?|silences|muted?)\\b");
    /** "what's firing", "anything paging?", "alerts pls": alerts, unless the question is about rules or anomalies. */
    private static final Pattern ALERT_WORDS = Pattern.compile("\\balerts?\\b|\\b(firing|paging|paged|on fire|fired?)\\b");
    private static final Pattern NOT_ALERTS = Pattern.compile("\\brules?\\b|anomal|\\bincidents?\\b");
    /** "are you ok?", "is everything up?", "is remediation enabled?": the agent's own status. */
    private static final Pattern STATUS_PHRASES = Pattern.compile("\\b(?:are you|you) (?:ok|okay|alive|up|there|working|running)\\b"
            + "|\\b(?:is )?everything (?:ok|okay|up|fine|good|green|running|healthy|working)\\b|\\ball good\\b|^ping$"
            + "|^(?:is|are)\\s+(?:the\\s+)?(?:auto[- ]?)?(?:remediation|automation|dry[- ]?run)\\s+(?:mode\\s+)?(?:enabled|disabled|on|off"
            + "|armed|active)\\b");
    private static final Pattern ALERTING = Pattern.compile("\\balerting\\b|\\b(alertmanager|grafana)\\b"
            + "|\\balerts?\\b.*\\b(firing|fire|fired|active|open|raised|received|resolved|now|right now|currently|going off)\\b"
            + "|\\b(firing|active|open|current)\\s+alerts?\\b");
    private static final Pattern ALL_ALERTS = Pattern.compile("\\b(resolved|all|history|today|yesterday|recent|last)\\b");
    private static final Pattern LOGS = Pattern.compile("\\b(logs?|audit|journal|audit trail|logged|who did what)\\b");
    private static final Pattern ANOMALIES = Pattern.compile("anomal|\\bincidents?\\b|\\balerts?\\b|\\boutliers?\\b|\\bunusual\\b");
    private static final Pattern STATUS = Pattern.compile(
            "\\b(status|health|healthy|uptime|version|rules?|agent|collector|source|detector)\\b");
    private static final Pattern STATS = Pattern.compile("\\b(average|avg|mean|max|maximum|peak|peaked|min|minimum|p95|95th"
            + "|percentile|highest|lowest|stats|statistics|trend|range)\\b");
    private static final Pattern CURRENT = Pattern.compile("\\b(current|currently|now|right now|latest value|usage|used"
            + "|utili[sz]ation|how busy|how loaded|how much|level|values?|metrics?|show)\\b");
    private static final Pattern BUSIEST = Pattern.compile("\\b(busiest|most|highest|heaviest|hottest|top|worst|max(?:imum)?"
            + "|hardest|hammered|struggling|fullest|biggest|largest|hungriest|hogging)\\b");
    private static final Pattern ABOUT_HOSTS = Pattern.compile("\\b(hosts?|servers?|machines?|nodes?|instances?|box(?:es)?|vms?"
            + "|which|who|whose|where)\\b");
    private static final Pattern WHAT_HAPPENED = Pattern.compile("\\b(what(?:'s| has| have)? happen\\w*|what went on|what was going on"
            + "|what(?:'s| is) been going on|any(?:thing)? (?:unusual|weird|strange|wrong|odd)|anything happen\\w*|recap|rundown|overview"
            + "|what'?s up|how are things|how'?s everything|how is everything|how'?s it going|any (?:problems|issues)"
            + "|anything (?:to worry about|i should (?:know|worry) about))\\b");
    /** "give me a summary", "sitrep": with no host and no metric named, what has been happening. */
    private static final Pattern OVERVIEW = Pattern.compile("\\b(summary|summari[sz]e|sitrep|catch me up)\\b");
    private static final Pattern REFERS_BACK = Pattern.compile("\\b(it|its|that host|this host|that server|there|that one|same host)\\b");

    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
            + "|dozen|zero";
    private static final Pattern COUNT = Pattern.compile("\\b(?:last|latest|recent|top|first|past|previous|newest)\\s+(\\d{1,3}|"
            + NUMBER_WORDS + ")\\b(?!\\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|[smhdw]\\b))");
    private static final Pattern COUNT_BEFORE = Pattern.compile("\\b(\\d{1,3}|" + NUMBER_WORDS
            + ")\\s+(?:most\\s+)?(?:recent|latest|last|newest|new)?\\s*(?:anomal|incident|alert)");
    private static final Pattern SINGLE = Pattern.compile("\\b(?:the\\s+)?(?:last|latest|most recent|newest)\\s+(?:anomaly|incident|alert)\\b");
    private static final Pattern SEVERITY = Pattern.compile("\\b(low|medium|high|critical)(?:[- ]severity)?\\s+(?:or worse\\s+|and above\\s+)?(?:anomal|incident|alert)"
            + "|\\bseverity\\s+(low|medium|high|critical)\\b|\\b(critical)\\b");
    private static final Pattern TARGET_AFTER = Pattern.compile("(?i)\\b(?:on|at|in|for|to)\\s+([A-Za-z0-9][A-Za-z0-9_.:\\[\\]-]*)");
    private static final Set<String> FILLER = Set.of("the", "service", "services", "unit", "daemon", "process", "on", "at", "in",
            "for", "please", "now", "host", "server", "instance", "of", "again", "it", "from", "to", "right", "away", "asap",
            "a", "an", "my", "our", "its", "immediately", "quickly", "node");
    private static final Pattern SCALE_DOWN_AFTER = Pattern.compile("(?i)\\bdown\\b|\\bin\\s*[.!?]*$");
    private static final Pattern SCALE_TO = Pattern.compile("(?i)\\bto\\s+(\\d{1,4}|" + NUMBER_WORDS + ")\\b");
    private static final Set<String> SCALE_WORDS = Set.of("up", "out", "in", "down", "by", "one", "more", "group", "tier",
            "capacity", "instances", "instance", "nodes", "servers", "to", "zero");
    private static final Set<String> EVERYTHING = Set.of("everything", "all", "every", "everywhere", "each", "*", "fleet");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("dozen", 12),
            Map.entry("zero", 0));

    static final int DEFAULT_ANOMALIES = 5;
    static final int MAX_ANOMALIES = 50;

    private final Supplier<Collection<String>> knownHosts;
    private final TimeExpressions times;

    QuestionParser(Supplier<Collection<String>> knownHosts, TimeExpressions times) {
        this.knownHosts = knownHosts;
        this.times = times;
    }

    TimeExpressions times() {
        return times;
    }

    Intent parse(String question, List<Turn> history) {
        Collection<String> known = knownHosts.get();
        QuestionText text = QuestionText.of(question, known);
        String lower = text.lower().trim();
        List<String> hosts = new ArrayList<>(HostMatcher.find(text.text(), known));
        Optional<HostMatcher.Partial> ambiguous = Optional.empty();
        if (hosts.isEmpty()) {
            Optional<HostMatcher.Partial> partial = HostMatcher.partial(lower, known);
            if (partial.isPresent() && partial.get().hosts().size() == 1) {
                hosts.add(partial.get().hosts().getFirst());
            } else {
                ambiguous = partial;
            }
        }
        if (hosts.isEmpty() && ambiguous.isEmpty() && REFERS_BACK.matcher(lower).find()) {
            for (int i = history.size() - 1; i >= 0 && hosts.isEmpty(); i--) {
                hosts.addAll(history.get(i).hosts());
            }
        }
        String host = hosts.isEmpty() ? null : hosts.getFirst();
        Optional<TimeRange> range = times.find(lower);
        Optional<String> unknown = hosts.isEmpty() ? HostMatcher.unknownMention(lower, known) : Optional.empty();

        Matcher polite = POLITE.matcher(lower);
        int offset = polite.find() ? polite.end() : 0;
        String original = requestAsImperative(text.text().trim().substring(Math.min(offset, text.text().trim().length())));
        String imperative = original.toLowerCase(Locale.ROOT);
        Matcher m;
        boolean proposes = RESTART.matcher(imperative).find() || SCALE_UP.matcher(imperative).find()
                || SCALE_IN.matcher(imperative).find() || NOTIFY.matcher(imperative).find();
        if (proposes && ambiguous.isPresent()) {
            return new Intent.Ambiguous(ambiguous.get().word(), ambiguous.get().hosts());
        }
        if ((m = RESTART.matcher(imperative)).find()) {
            return restart(original.substring(m.end()), hosts, known);
        }
        if ((m = SCALE_IN.matcher(imperative)).find()) {
            return scale(ActionType.SCALE_IN, original.substring(m.end()), hosts, known);
        }
        if ((m = SCALE_UP.matcher(imperative)).find()) {
            // "scale web-2 down": the direction comes after the target
            String rest = original.substring(m.end());
            boolean down = m.group(1).equals("scale") && SCALE_DOWN_AFTER.matcher(rest).find();
            return scale(down ? ActionType.SCALE_IN : ActionType.SCALE_UP, rest, hosts, known);
        }
        if ((m = NOTIFY.matcher(imperative)).find()) {
            return notify(original, hosts, known);
        }
        if ((m = UNSUPPORTED.matcher(imperative)).find()) {
            return new Intent.Unsupported(m.group(1));
        }
        if (ambiguous.isPresent()) {
            return new Intent.Ambiguous(ambiguous.get().word(), ambiguous.get().hosts());
        }
        if (unknown.isPresent()) {
            // a question about a host this agent does not watch: say so, never answer for the others
            return new Intent.Help(unknown.get());
        }
        if (host == null && STATUS_PHRASES.matcher(lower).find()) {
            return new Intent.Status();
        }
        if (SNOOZED.matcher(lower).find()) {
            return new Intent.Snoozed();
        }
        // the alerts tool has no time range: "alerts in the last hour" stays a question about anomalies
        if (ALERTING.matcher(lower).find()
                || ALERT_WORDS.matcher(lower).find() && !NOT_ALERTS.matcher(lower).find() && range.isEmpty()) {
            boolean why = EXPLAIN.matcher(lower).find();
            return new Intent.Alerts(host, !ALL_ALERTS.matcher(lower).find() || why, why);
        }
        if (REMEDIATION.matcher(lower).find()) {
            return new Intent.Remediations(range.orElse(null), trigger(lower), host);
        }
        if (host != null && (EXPLAIN.matcher(lower).find() || WHAT_HAPPENED.matcher(lower).find())) {
            return new Intent.Explain(host, range.orElse(null));
        }
        if (host == null && !LOGS.matcher(lower).find() && (WHAT_HAPPENED.matcher(lower).find()
                || OVERVIEW.matcher(lower).find() && MetricWords.find(lower).isEmpty() && !ANOMALIES.matcher(lower).find())) {
            // "what happened in the last hour?": the anomalies of every host in that time; "what's up?": the latest
            return new Intent.Anomalies(range.isPresent() ? MAX_ANOMALIES : DEFAULT_ANOMALIES, false, null, null, range.orElse(null));
        }
        if (EXPLAIN.matcher(lower).find() && (ANOMALIES.matcher(lower).find()
                || Pattern.compile("\\b(wrong|slow|high|down|broken|spik\\w*|problem|issue)\\b").matcher(lower).find())) {
            return new Intent.Explain(null, range.orElse(null));
        }
        if (LOGS.matcher(lower).find()) {
            return new Intent.Logs(range.orElse(null), host, actionWord(lower));
        }
        if (ANOMALIES.matcher(lower).find()) {
            java.util.OptionalInt count = count(lower);
            // "anomalies in the last hour" means all of them in that hour, not the default handful
            int n = count.orElse(range.isPresent() ? MAX_ANOMALIES : DEFAULT_ANOMALIES);
            return new Intent.Anomalies(n, count.isPresent(), host, severity(lower), range.orElse(null));
        }
        if (host == null && BUSIEST.matcher(lower).find() && ABOUT_HOSTS.matcher(lower).find()) {
            List<Metric> named = MetricWords.find(lower);
            return new Intent.Busiest(named.isEmpty() ? Metric.CPU : named.getFirst(), range.orElse(null));
        }
        if (STATUS.matcher(lower).find() && host == null) {
            return new Intent.Status();
        }
        List<Metric> metrics = MetricWords.find(lower);
        // "load average" names a metric, not a statistic
        boolean stats = STATS.matcher(lower.replace("load average", "load")).find() || range.isPresent();
        if (!metrics.isEmpty() || !hosts.isEmpty() || (stats && !lower.isBlank()) || CURRENT.matcher(lower).find()) {
            if (metrics.isEmpty() && hosts.isEmpty() && !CURRENT.matcher(lower).find() && !stats) {
                return new Intent.Help(null);
            }
            return stats
                    ? new Intent.SeriesStats(List.copyOf(hosts), metrics, range.orElse(null))
                    : new Intent.CurrentMetrics(List.copyOf(hosts), metrics);
        }
        return new Intent.Help(null);
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
    private Intent scale(ActionType action, String rest, List<String> hosts, Collection<String> known) {
        String target = hosts.isEmpty() ? null : hosts.getFirst();
        int named = hosts.size();
        boolean everything = false;
        for (String raw : rest.trim().split("\\s+")) {
            String word = raw.toLowerCase(Locale.ROOT).replaceAll("^[\"'`(]+|[\"'`),.;:!?]+$", "");
            if (EVERYTHING.contains(word)) {
                everything = true;
            }
            if (target == null && !word.isEmpty() && !FILLER.contains(word) && !SCALE_WORDS.contains(word) && !EVERYTHING.contains(word)
                    && !NUMBERS.containsKey(word) && !word.matches("\\d+")) {
                List<String> matched = HostMatcher.find(word, known);
                target = matched.isEmpty() ? unshouted(raw.replaceAll("^[\"'`(]+|[\"'`),.;:!?]+$", "")) : matched.getFirst();
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher to = SCALE_TO.matcher(rest);
        if (action == ActionType.SCALE_IN && to.find()) {
            String n = to.group(1).toLowerCase(Locale.ROOT);
            params.put("to", Integer.toString(NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.parseInt(n)));
        }
        String missing = everything || named > 1 ? "one target" : target == null ? "target" : null;
        return new Intent.Propose(action, everything ? null : target, params, missing);
    }

    private Intent restart(String rest, List<String> hosts, Collection<String> known) {
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
                    || !HostMatcher.find(word, known).isEmpty();
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

    private Intent notify(String original, List<String> hosts, Collection<String> known) {
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

    private static Trigger trigger(String lower) {
        if (Pattern.compile("\\b(auto|automatic|automatically|automation|rules?|auto-remediation|autoremediation|self-heal\\w*)\\b")
                .matcher(lower).find() || lower.contains("auto-remediat") || lower.contains("auto remediat")) {
            return Trigger.RULE;
        }
        if (Pattern.compile("\\b(operators?|manual|manually|by hand|people|humans?)\\b").matcher(lower).find()) {
            return Trigger.OPERATOR;
        }
        if (Pattern.compile("\\b(chat|assistant|you proposed|proposals?)\\b").matcher(lower).find()) {
            return Trigger.CHAT;
        }
        return null;
    }

    private static ActionType actionWord(String lower) {
        if (Pattern.compile("\\brestart").matcher(lower).find()) {
            return ActionType.RESTART_SERVICE;
        }
        if (Pattern.compile("\\bscal(e|ing|ed)").matcher(lower).find()) {
            return ActionType.SCALE_UP;
        }
        if (Pattern.compile("\\bnotif").matcher(lower).find()) {
            return ActionType.NOTIFY;
        }
        return null;
    }

    /** The number of anomalies asked for, when the question says one ("last 3", "five most recent", "the last anomaly"). */
    static java.util.OptionalInt count(String lower) {
        Matcher m = COUNT.matcher(lower);
        if (m.find()) {
            return java.util.OptionalInt.of(clampCount(m.group(1)));
        }
        m = COUNT_BEFORE.matcher(lower);
        if (m.find()) {
            return java.util.OptionalInt.of(clampCount(m.group(1)));
        }
        return SINGLE.matcher(lower).find() ? java.util.OptionalInt.of(1) : java.util.OptionalInt.empty();
    }

    private static int clampCount(String n) {
        int v = NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.parseInt(n);
        return Math.max(1, Math.min(MAX_ANOMALIES, v));
    }

    private static Severity severity(String lower) {
        Matcher m = SEVERITY.matcher(lower);
        if (!m.find()) {
            return null;
        }
        String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return Severity.parse(word).orElse(null);
    }
}
