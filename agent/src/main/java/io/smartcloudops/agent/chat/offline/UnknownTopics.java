package io.smartcloudops.agent.chat.offline;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subjects this agent has no data on (who is on call, costs, tickets, deploys, application metrics, certificates,
 * swap, secrets, owners, inventory, whether a service is running), and times given by such an event ("since the
 * deploy"). A question about one gets an honest "I don't
 * know that" with what can be asked instead: without this, its other words (a host, "this week") would be
 * answered with unrelated figures.
 */
final class UnknownTopics {

    private record Topic(Pattern words, String subject, String instead) {
    }

    private static final String HOST_FIGURES = "each host's CPU, memory, disk, disk I/O, network and load, now or over a time"
            + " ('cpu on web-1', 'max memory on db-1 over the last hour')";

    private static final List<Topic> TOPICS = List.of(
            new Topic(Pattern.compile("\\bon[- ]?call\\b|\\boncall\\b|\\bpager\\b|\\brotas?\\b|\\bescalation (?:policy|path|chain)\\b"
                    + "|\\bwho (?:should|do|can|must) (?:i|we) (?:page|call|ping|escalate to)\\b|\\bwho(?:'s| is) (?:paged|on duty)\\b"),
                    "who is on call: the rota lives in your paging tool, not in this agent",
                    "what alerts are firing and who acknowledged them ('what alerts are firing?'), what is snoozed"
                            + " ('what is snoozed?') and the latest anomalies ('last 3 anomalies')"),
            new Topic(Pattern.compile("\\b(?:costs?|costing|spend|spending|spent|bills?|billing|budget|pric(?:e|es|ing)|invoices?)\\b"
                    + "|\\$\\d|\\bhow much (?:money|do we pay|are we paying)\\b"),
                    "costs or billing: this agent has no billing data",
                    "how busy each host is ('which host is busiest?', 'top 3 hosts by memory') and what was scaled"
                            + " ('remediation history')"),
            new Topic(Pattern.compile("\\b(?:tickets?|jira|servicenow|zendesk|change requests?|inc-?\\d+|chg-?\\d+)\\b"),
                    "about tickets: this agent is not connected to a ticketing system",
                    "the anomalies ('last 3 anomalies'), the alerts ('what alerts are firing?') and the remediation audit log"
                            + " ('show logs from today')"),
            new Topic(Pattern.compile("\\b(?:deploy(?:s|ed|ment|ments)?|releases?|released|rollouts?|rolled out|git (?:sha|commit)"
                    + "|build numbers?)\\b|\\bwhat version\\b(?!.*\\bagent\\b)|\\bversions? (?:of|running|deployed|on)\\b(?!.*\\bagent\\b)"),
                    "about deploys or application versions: this agent is not told about them",
                    "what happened around a time ('what happened between 13:00 and 14:00?'), the anomalies and the remediation"
                            + " history"),
            new Topic(Pattern.compile("\\b(?:latency|latencies|response times?|p\\d{2} (?:latency|response)|error rates?|errors? per"
                    + "|[45]xx|http (?:errors?|codes?|status)|requests? (?:per|a) (?:second|minute)|rps|qps|apdex|slas?|slos?|sli"
                    + "|(?:how many|number of|active|concurrent) (?:users|sessions|customers|visitors)"
                    + "|users? (?:are |is )?(?:logged|online|active))\\b"),
                    "application figures such as latency, error rates, requests or users: this agent collects host metrics only",
                    HOST_FIGURES),
            new Topic(Pattern.compile("\\b(?:syslog|journalctl|dmesg|stderr|stdout|stack ?traces?|exceptions?|core dumps?)\\b"
                    + "|\\b(?:error|app|application|nginx|apache|access|system|kernel|container|pod|service|server|postgres|mysql"
                    + "|redis|java|gc)\\s+logs?\\b|\\b(?:tail|grep)\\b"),
                    "what is in the hosts' own logs (application, nginx, syslog): this agent keeps its own audit log of what it"
                            + " did, not the hosts' logs",
                    "the audit log ('audit log since 9'), the anomalies ('anything odd on web-1 today?') and " + HOST_FIGURES),
            new Topic(Pattern.compile("\\b(?:temp|temps|temperature|temperatures|fans?|sensors?|hardware health|smart status)\\b"),
                    "hardware sensors (temperature, fans): this agent collects usage figures, not sensors",
                    HOST_FIGURES),
            new Topic(Pattern.compile("\\b(?:ssl|tls|certs?|certificates?)\\b"),
                    "about certificates: this agent does not check them",
                    HOST_FIGURES),
            new Topic(Pattern.compile("\\bswap(?:ping|ped|s)?\\b"),
                    "swap use: this agent collects memory use, not swap",
                    "memory use now or over a time ('memory on db-1', 'max memory on db-1 today')"),
            new Topic(Pattern.compile("\\b(?:passwords?|passwd|credentials?|secrets?|api[- ]?keys?|ssh keys?|private keys?"
                    + "|access keys?|tokens?)\\b"),
                    "passwords or other secrets: this agent does not give them out in chat",
                    HOST_FIGURES),
            new Topic(Pattern.compile("\\bwho owns\\b|\\bowners? of\\b|\\bwhich team\\b|\\bteam (?:owns|is responsible|behind)\\b"
                    + "|\\bwho(?:'s| is) responsible for\\b"),
                    "who owns a host: this agent has no ownership or team data",
                    "what alerts are firing ('what alerts are firing?') and " + HOST_FIGURES),
            new Topic(Pattern.compile("\\bip(?: address)?(?:es)?\\b|\\b(?:operating system|os version|kernel|distro|instance type"
                    + "|machine type|ami)\\b|\\bwhat os\\b|\\bhow (?:much|many) (?:ram|memory|disk|storage|cores|cpus|vcpus)"
                    + " does \\S+ have\\b|\\bhow many (?:cores|vcpus|cpus)\\b|\\bin total\\b|\\btotal (?:ram|memory|capacity)\\b"),
                    "a host's inventory (IP address, OS, cores, total memory, instance type): this agent records usage in"
                            + " percent, not inventory",
                    HOST_FIGURES));

    /** "is nginx running on web-1?": the agent watches host metrics, not whether a service is up. */
    private static final Pattern SERVICE_STATE = Pattern.compile("^(?:is|are)\\s+(?:the\\s+)?([a-z][\\w.@-]*)(?:\\s+(?:service|daemon"
            + "|process))?\\s+(?:running|up|alive|down|started|active|dead|stopped|crashed|listening)\\b.*\\bon\\s+\\S");
    /** Words in that place that are not a service: the host itself, the agent's own parts, a metric. */
    private static final java.util.Set<String> NOT_SERVICES = java.util.Set.of("it", "this", "that", "everything", "anything",
            "something", "agent", "remediation", "detector", "host", "server", "machine", "node", "box", "instance", "load",
            "traffic", "network", "memory", "disk", "cpu", "usage", "anyone", "someone", "nothing");

    /** "since the deploy", "after the release": a time the agent cannot place, asked back as a clock time. */
    private static final Pattern EVENT_TIME = Pattern.compile("\\b(?:since|after|before|around|during)\\s+((?:the|our|this|that|last"
            + "|today's|yesterday's|my|your)\\s+(?:(?:last|latest|big|new|recent)\\s+)?(?:deploy(?:ment)?|release|rollout|upgrade"
            + "|migration|outage|maintenance|patch(?:ing)?|cutover|change|launch|failover|standup|lunch|meeting))\\b");

    private UnknownTopics() {
    }

    /** A question about something the agent does not know, or a time it cannot place; empty otherwise. */
    static Optional<Intent> find(String lower) {
        Matcher event = EVENT_TIME.matcher(lower);
        if (event.find()) {
            return Optional.of(new Intent.UnclearTime(event.group(1)));
        }
        Matcher service = SERVICE_STATE.matcher(lower);
        if (service.find() && !NOT_SERVICES.contains(service.group(1)) && MetricWords.find(service.group(1)).isEmpty()) {
            return Optional.of(new Intent.UnknownTopic("whether " + service.group(1) + " is running: this agent watches host"
                    + " metrics, not services", HOST_FIGURES + ", or propose a restart ('restart " + service.group(1)
                    + " on web-1', approved by an operator)"));
        }
        for (Topic topic : TOPICS) {
            if (topic.words().matcher(lower).find()) {
                return Optional.of(new Intent.UnknownTopic(topic.subject(), topic.instead()));
            }
        }
        return Optional.empty();
    }
}
