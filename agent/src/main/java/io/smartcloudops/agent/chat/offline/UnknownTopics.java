package io.smartcloudops.agent.chat.offline;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subjects this agent has no data on (who is on call, costs, tickets, deploys, application metrics, certificates,
 * swap), and times given by such an event ("since the deploy"). A question about one gets an honest "I don't
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
            new Topic(Pattern.compile("\\b(?:ssl|tls|certs?|certificates?)\\b"),
                    "about certificates: this agent does not check them",
                    HOST_FIGURES),
            new Topic(Pattern.compile("\\bswap(?:ping|ped|s)?\\b"),
                    "swap use: this agent collects memory use, not swap",
                    "memory use now or over a time ('memory on db-1', 'max memory on db-1 today')"));

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
        for (Topic topic : TOPICS) {
            if (topic.words().matcher(lower).find()) {
                return Optional.of(new Intent.UnknownTopic(topic.subject(), topic.instead()));
            }
        }
        return Optional.empty();
    }
}
