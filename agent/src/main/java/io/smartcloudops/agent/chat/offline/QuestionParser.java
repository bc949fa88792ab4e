package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.context.Turn;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question into an {@link Intent}, deterministically: the question made regular ({@link QuestionText}),
 * an action read from an imperative ({@link ActionRequests}), else keyword rules in a fixed order, the hosts
 * the agent knows, metric synonyms, counts and time expressions.
 */
final class QuestionParser {


    private static final Pattern REMEDIATION = Pattern.compile("remediat|\\bauto[- ]?heal|\\bself[- ]?heal"
            + "|\\bactions?\\b.*\\b(did|done|taken|took|ran|run|performed|happened|today|yesterday|history)\\b"
            + "|\\bwhat did\\b.*\\b(rules?|agent|automation|you|operators?|humans?|people|anyone|someone|bot)\\b.*\\bdo\\b|\\b(restarts|restarted|scaled)\\b"
            + "|\\bscale[- ]?(?:ups|outs|ins|downs)\\b|\\b(pending|approvals?|awaiting approval)\\b"
            // a question about an action done: "did you restart anything on db-1", "who bounced nginx"
            + "|^(?:did|has|have|had|was|were|who|when did|how many times did|how often did)\\b.*\\b(restart\\w*|bounc\\w*|scal\\w*|reboot\\w*)"
            // what the agent did, ran, refused or holds for approval: "what has the agent done today", "which fixes ran"
            + "|\\bwhat (?:has|have) (?:the |this )?(?:agent|bot|automation|you|it) (?:done|been doing)\\b|\\bdry[- ]?runs?\\b"
            + "|\\bfix(?:es)?\\b.*\\b(?:ran|run|applied|done|made|taken)\\b|\\bsign-?offs?\\b"
            + "|\\b(?:needs?|waiting (?:for|on)|awaiting|waits? for) (?:my |an? |your |an operator's )?approval\\b"
            + "|\\b(?:actions?|fixes|restarts?)\\b.*\\b(?:blocked|refused|rejected|denied|failed)\\b");
    /** "is that normal?" after a figure: whether the host's values are anomalous, explained. */
    private static final String IS_THAT_NORMAL_WORDS = "\\bis (?:that|this|it) (?:normal|expected|usual|ok|okay|bad|a problem|fine)\\b";
    /** "why?", "how come?": about the newest anomaly, or the host the conversation is about. */
    private static final Pattern WHY_ALONE = Pattern.compile("(?:but |and |so )?(?:why|how come|why so|why is that|what caused (?:it|that|this))"
            + "\\s*[?!.]*");
    private static final Pattern EXPLAIN = Pattern.compile(
            "\\b(why|explain|what'?s wrong|what is wrong|what went wrong|what happened|root cause|cause of|causes|caused|diagnos\\w*"
                    + "|what'?s up with|what is up with|going on with|acting up|how come|what made)\\b|" + IS_THAT_NORMAL_WORDS);
    private static final Pattern IS_THAT_NORMAL = Pattern.compile(IS_THAT_NORMAL_WORDS);
    /** "what's been acked?", "who acknowledged the web-2 anomaly": not "unacked alerts" (those are the open ones). */
    private static final Pattern ACKNOWLEDGED = Pattern.compile("\\back(?:ed|s)?\\b|\\backnowledg\\w*");
    private static final Pattern SNOOZED = Pattern.compile("\\b(snoozed?|snoozes|snoozing|silenced?|silences|muted?)\\b");
    /** "what's firing", "anything paging?", "alerts pls": alerts, unless the question is about rules or anomalies. */
    private static final Pattern ALERT_WORDS = Pattern.compile("\\balerts?\\b|\\b(firing|paging|paged|on fire|fired?)\\b");
    private static final Pattern NOT_ALERTS = Pattern.compile("\\brules?\\b|anomal|\\bincidents?\\b");
    /** "are you ok?", "is everything up?", "is remediation enabled?": the agent's own status. */
    private static final Pattern STATUS_PHRASES = Pattern.compile("\\b(?:are you|you) (?:ok|okay|alive|up|there|working|running)\\b"
            + "|\\b(?:is )?everything (?:ok|okay|up|fine|good|green|running|healthy|working)\\b|\\ball good\\b|^ping$"
            + "|^(?:is|are)\\s+(?:the\\s+)?(?:auto[- ]?)?(?:remediation|automation|dry[- ]?run)\\s+(?:mode\\s+)?(?:enabled|disabled|on|off"
            + "|armed|active)\\b"
            + "|^(?:is|are)\\s+(?:the\\s+)?(?:auto[- ]?)?(?:remediation|automation|agent|it)\\s+(?:still\\s+)?(?:in|on)\\s+dry[- ]?run\\b");
    private static final Pattern ALERTING = Pattern.compile("\\balerting\\b|\\b(alertmanager|grafana)\\b"
            + "|\\balerts?\\b.*\\b(firing|fire|fired|active|open|raised|received|resolved|now|right now|currently|going off)\\b"
            + "|\\b(firing|active|open|current)\\s+alerts?\\b");
    private static final Pattern ALL_ALERTS = Pattern.compile("\\b(resolved|all|history|today|yesterday|recent|last)\\b");
    private static final Pattern LOGS = Pattern.compile("\\b(logs?|audit|journal|audit trail|logged|who did what)\\b");
    private static final Pattern ANOMALIES = Pattern.compile("anomal|\\bincidents?\\b|\\balerts?\\b|\\boutliers?\\b|\\bunusual\\b"
            + "|\\b(?:issues|problems|critical|flag(?:ged|s)?)\\b"
            + "|\\b(?:spik\\w*|blips?|glitch\\w*|hiccups?|weird(?:ness)?|odd(?:ness)?|strange(?:ness)?|oddit\\w*|abnormal\\w*"
            + "|irregular\\w*|out of the ordinary)\\b");
    /** "anything odd on db?", "any problems with cache-1": the host's anomalies listed, not one explained. */
    private static final Pattern ANYTHING_ODD = Pattern.compile("\\b(?:any(?:thing)? (?:unusual|weird|strange|odd|funny|abnormal)"
            + "|something (?:strange|weird|odd|off|funny|unusual)|any (?:problems|issues|spikes|blips|glitches|hiccups|weirdness"
            + "|oddities|strangeness))\\b");
    private static final Pattern STATUS = Pattern.compile(
            "\\b(status|health|healthy|uptime|version|rules?|agent|collectors?|sources?|detector|prometheus|node[_ ]?exporter"
                    + "|redis|reachable|unreachable|connected|connection|scrap(?:e|es|ing))\\b");
    private static final Pattern STATS = Pattern.compile("\\b(average|avg|mean|max|maximum|peak|peaked|min|minimum|p95|95th"
            + "|percentile|highest|lowest|stats|statistics|trend|range)\\b");
    private static final Pattern CURRENT = Pattern.compile("\\b(current|currently|now|right now|latest value|usage|used"
            + "|utili[sz]ation|how busy|how loaded|how much|level|values?|metrics?|show)\\b");
    private static final Pattern BUSIEST = Pattern.compile("\\b(busiest|most|highest|heaviest|hottest|top|worst|max(?:imum)?"
            + "|hardest|hammered|struggling|fullest|biggest|largest|hungriest|hogging|hogs?|least|quietest|idlest|rank\\w*"
            + "|sort(?:ed)?|order(?:ed)?|leaderboard|lowest|bottom|emptiest)\\b");
    /** "least busy", "bottom 2 by cpu", "most free memory": the ranking from the lowest value up. */
    private static final Pattern LOWEST_FIRST = Pattern.compile("\\b(?:least|lowest|quietest|idlest|bottom|emptiest|most free"
            + "|most (?:idle|headroom))\\b");
    /** "rank by memory", "cpu leaderboard", "top 2 by disk": a ranking even when no word names the hosts. */
    private static final Pattern RANKING = Pattern.compile("\\b(?:rank\\w*|leaderboard|(?:sort|sorted|order|ordered)\\s+(?:\\w+\\s+)?by"
            + "|(?:top|bottom)\\s+(?:\\d{1,2}|" + "one|two|three|four|five|six|seven|eight|nine|ten" + ")(?:\\s+\\w+)?\\s+by)\\b");
    /** "top 3 hosts", "which 2 hosts", "the 2 busiest": how many hosts a ranking is asked for. */
    private static final Pattern TOP_N = Pattern.compile("\\b(?:top|bottom)\\s+(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\b"
            + "|\\b(?:which|what)\\s+(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:hosts|servers|machines|nodes|boxes|instances)\\b"
            + "|\\b(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:busiest|biggest|fullest|hottest|heaviest|most)\\b");
    private static final Pattern ABOUT_HOSTS = Pattern.compile("\\b(hosts?|servers?|machines?|nodes?|instances?|box(?:es)?|vms?"
            + "|which|who|whose|where)\\b");
    private static final Pattern WHAT_HAPPENED = Pattern.compile("\\b(what(?:'s| has| have)? happen\\w*|what went on|what was going on"
            + "|what(?:'s| is) been going on|any(?:thing)? (?:unusual|weird|strange|wrong|odd)|anything happen\\w*|recap|rundown|overview"
            + "|what'?s up|how are things|how'?s everything|how is everything|how'?s it going|any (?:problems|issues)"
            + "|anything (?:to worry about|i should (?:know|worry) about)"
            // the fleet's health asked as yes/no: "are all hosts ok?", "is anything broken?"
            + "|(?:is )?anything (?:broken|down|failing|dead)|any (?:hosts?|servers?|machines?|nodes?) (?:down|in trouble|struggling|failing)"
            + "|are (?:all )?(?:the )?(?:hosts|servers|machines|nodes|boxes) (?:ok|okay|fine|healthy|good|up|alright))\\b");
    /** "what's wrong?" on its own: the recent anomalies, not one of them explained. */
    private static final Pattern WHAT_IS_WRONG = Pattern.compile("^what(?:'s| is) (?:wrong|broken|going on)(?: (?:now|right now|today|here))?\\s*[?!.]*$");
    /** "give me a summary", "sitrep": with no host and no metric named, what has been happening. */
    private static final Pattern OVERVIEW = Pattern.compile("\\b(summary|summari[sz]e|sitrep|catch me up)\\b");
    private static final Pattern REFERS_BACK = Pattern.compile("\\b(it|its|that host|this host|that server|there|that one|same host)\\b");

    static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
            + "|dozen|zero";
    private static final Pattern COUNT = Pattern.compile("\\b(?:last|latest|recent|top|first|past|previous|newest)\\s+(\\d{1,3}|"
            + NUMBER_WORDS + ")\\b(?!\\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|[smhdw]\\b))");
    private static final Pattern COUNT_BEFORE = Pattern.compile("\\b(\\d{1,3}|" + NUMBER_WORDS
            + ")\\s+(?:most\\s+)?(?:recent|latest|last|newest|new)?\\s*(?:anomal|incident|alert)");
    private static final Pattern SINGLE = Pattern.compile("\\b(?:the\\s+)?(?:last|latest|most recent|newest)\\s+(?:anomaly|incident|alert)\\b");
    private static final Pattern SEVERITY = Pattern.compile("\\b(low|medium|high|critical)(?:[- ]severity)?\\s+(?:or worse\\s+|and above\\s+)?(?:anomal|incident|alert)"
            + "|\\bseverity\\s+(low|medium|high|critical)\\b|\\b(critical)\\b");
    static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
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
            if (partial.isPresent() && (partial.get().hosts().size() == 1 || plural(lower, partial.get().word()))) {
                hosts.addAll(partial.get().hosts());
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

        Optional<Intent> action = ActionRequests.read(text, hosts, ambiguous, known);
        if (action.isPresent()) {
            return action.get();
        }
        Optional<Intent> unknowable = UnknownTopics.find(lower);
        Optional<Intent> notifications = NotificationQuestions.read(lower, host, range);
        // "did we page anyone since the deploy?" asks back for a time; otherwise what was sent is known
        if (notifications.isPresent() && ambiguous.isEmpty() && !(unknowable.orElse(null) instanceof Intent.UnclearTime)
                && (unknown.isEmpty() || NotificationQuestions.namesChannel(lower, unknown.get()))) {
            return notifications.get();
        }
        if (unknowable.isPresent()) {
            return unknowable.get();
        }
        if (ambiguous.isPresent()) {
            return new Intent.Ambiguous(ambiguous.get().word(), ambiguous.get().hosts());
        }
        if (unknown.isPresent()) {
            // a question about a host this agent does not watch: say so, never answer for the others
            return new Intent.Help(unknown.get());
        }
        Intent read = read(lower, hosts, host, range);
        // "and web-2?": only a host, metric or time of its own; "and the alerts on web-1?" asks its own question
        boolean onlyFigures = read instanceof Intent.CurrentMetrics || read instanceof Intent.SeriesStats
                || read instanceof Intent.Help h && h.unknownHost() == null;
        if (onlyFigures && !history.isEmpty() && FollowUps.isFollowUp(question, lower)) {
            Turn last = history.getLast();
            Intent previous = parse(last.question(), history.subList(0, history.size() - 1));
            Optional<Intent> merged = FollowUps.merge(previous, hosts, MetricWords.findOrBusy(lower), range);
            if (merged.isPresent()) {
                return merged.get();
            }
        }
        // "why?" after "any anomalies on web-2": the host the conversation is about
        if (read instanceof Intent.Explain e && e.host() == null && e.range() == null && !history.isEmpty()
                && history.getLast().hosts().size() == 1) {
            return new Intent.Explain(history.getLast().hosts().getFirst());
        }
        return read;
    }

    private Intent read(String lower, List<String> hosts, String host, Optional<TimeRange> range) {
        if (host == null && STATUS_PHRASES.matcher(lower).find()) {
            return new Intent.Status();
        }
        Optional<Intent> detector = DetectorQuestions.read(lower, host);
        if (detector.isPresent()) {
            return detector.get();
        }
        if (ACKNOWLEDGED.matcher(lower).find()) {
            return new Intent.Acknowledged(host, range.orElse(null));
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
            return new Intent.Remediations(range.orElse(null), trigger(lower), host, RemediationResults.of(lower));
        }
        // "anything odd on db?" lists db-1's anomalies; with a time, the host's history below lists them and its values now
        if (host != null && range.isEmpty() && ANYTHING_ODD.matcher(lower).find() && !EXPLAIN.matcher(lower).find()) {
            return new Intent.Anomalies(DEFAULT_ANOMALIES, false, host, null, null);
        }
        if (host != null && (EXPLAIN.matcher(lower).find() || WHAT_HAPPENED.matcher(lower).find())) {
            return new Intent.Explain(host, range.orElse(null));
        }
        if (host == null && WHAT_IS_WRONG.matcher(lower).matches()) {
            return new Intent.Anomalies(DEFAULT_ANOMALIES, false, null, null, range.orElse(null));
        }
        if (host == null && !LOGS.matcher(lower).find() && (WHAT_HAPPENED.matcher(lower).find()
                || OVERVIEW.matcher(lower).find() && MetricWords.find(lower).isEmpty() && !ANOMALIES.matcher(lower).find())) {
            // "what happened in the last hour?": the anomalies of every host in that time; "what's up?": the latest
            return new Intent.Anomalies(range.isPresent() ? MAX_ANOMALIES : DEFAULT_ANOMALIES, false, null, null, range.orElse(null));
        }
        if (EXPLAIN.matcher(lower).find() && (ANOMALIES.matcher(lower).find() || WHY_ALONE.matcher(lower).matches()
                || IS_THAT_NORMAL.matcher(lower).find()
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
        if (host == null && (RANKING.matcher(lower).find() || BUSIEST.matcher(lower).find() && ABOUT_HOSTS.matcher(lower).find())) {
            List<Metric> named = MetricWords.find(lower);
            return new Intent.Busiest(named.isEmpty() ? Metric.CPU : named.getFirst(), range.orElse(null), top(lower),
                    LOWEST_FIRST.matcher(lower).find());
        }
        if (STATUS.matcher(lower).find() && host == null) {
            return new Intent.Status();
        }
        List<Metric> metrics = MetricWords.findOrBusy(lower);
        // "load average" names a metric, not a statistic
        boolean stats = STATS.matcher(lower.replaceAll("\\bload (?:average|avg)\\b", "load")).find() || range.isPresent();
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


    /** "the web servers", "both webs", "all web hosts": every host the short name fits, not a guess at one. */
    private static boolean plural(String lower, String word) {
        String w = Pattern.quote(word);
        return Pattern.compile("\\b(?:both|all|all of|every)\\s+(?:the\\s+|of the\\s+)?" + w + "\\b|\\b" + w
                + "[ -]?(?:servers|hosts|nodes|boxes|machines|instances|vms)\\b|\\b" + w + "s\\b").matcher(lower).find();
    }

    /** How many hosts a ranking asks for ("top 3 hosts by memory"), 0 when it does not say. */
    private static int top(String lower) {
        Matcher m = TOP_N.matcher(lower);
        if (!m.find()) {
            return 0;
        }
        String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return Math.max(1, NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.parseInt(n));
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
