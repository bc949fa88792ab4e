package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.Answer;
import io.smartcloudops.agent.chat.Assistant;
import io.smartcloudops.agent.chat.Question;
import io.smartcloudops.agent.chat.tools.ToolArgumentException;
import io.smartcloudops.agent.chat.tools.ToolCall;
import io.smartcloudops.agent.chat.tools.ToolOutput;
import io.smartcloudops.agent.chat.tools.ToolSession;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The default backend: no model, no network. Reads the question with {@link QuestionParser}, calls the
 * same tools the model would, and writes a short answer with the numbers. Deterministic: the same data
 * and question give the same answer.
 */
public final class OfflineAssistant implements Assistant {

    public static final String BACKEND = "offline";
    static final int MAX_HOST_CALLS = 5;

    private final QuestionParser parser;
    private final AnswerWriter writer;
    private final OncallAnswers oncall;
    private final ActionAnswers actions;
    private final DetectorAnswers detector = new DetectorAnswers();
    private final NotificationAnswers notifications;
    private final Clock clock;
    private final Supplier<Collection<String>> knownHosts;

    /**
     * @param knownHosts the hosts questions may name (the series store's hosts, plus hosts with anomalies)
     */
    public OfflineAssistant(Supplier<Collection<String>> knownHosts, Clock clock, ZoneId zone) {
        this.knownHosts = knownHosts;
        this.parser = new QuestionParser(knownHosts, new TimeExpressions(clock, zone));
        AnswerTimes times = new AnswerTimes(zone);
        this.writer = new AnswerWriter(times);
        this.oncall = new OncallAnswers(times);
        this.actions = new ActionAnswers(times);
        this.notifications = new NotificationAnswers(times);
        this.clock = clock;
    }

    @Override
    public Answer answer(Question question, ToolSession tools) {
        Intent intent = parser.parse(question.text(), question.history());
        try {
            return answer(intent, question, tools);
        } catch (ToolArgumentException e) {
            return new Answer("I can't answer that: " + e.field() + ": " + e.reason() + ".", BACKEND, List.of());
        }
    }

    private Answer answer(Intent intent, Question question, ToolSession tools) {
        Instant now = clock.instant();
        return switch (intent) {
            case Intent.CurrentMetrics i -> {
                List<ToolOutput.MetricValues> outs = new ArrayList<>();
                for (String host : hostsOrAll(i.hosts())) {
                    for (Metric m : metricsOrAll(i.metrics())) {
                        outs.add(tools.run(new ToolCall.CurrentMetrics(host, m)).output());
                    }
                }
                yield answer(writer.currentMetrics(outs), hostsOf(outs));
            }
            case Intent.SeriesStats i -> {
                TimeRange range = i.range() != null ? i.range()
                        : new TimeRange(now.minus(Duration.ofHours(1)), null, "over the last hour");
                List<Metric> metrics = i.metrics().isEmpty() ? List.of(Metric.values()) : i.metrics();
                List<ToolOutput.SeriesSummary> outs = new ArrayList<>();
                for (String host : hostsOrAll(i.hosts())) {
                    for (Metric m : metrics) {
                        outs.add(tools.run(new ToolCall.SeriesStats(host, m, range.from(), range.until())).output());
                    }
                }
                List<String> hosts = outs.stream().flatMap(o -> o.series().stream()).map(ToolOutput.Stats::host).distinct().toList();
                yield answer(writer.seriesStats(outs, range.label()), hosts);
            }
            case Intent.Anomalies i -> {
                var out = tools.run(new ToolCall.RecentAnomalies(i.count(), i.host(), i.minSeverity(),
                        i.range() == null ? null : i.range().from())).output();
                List<Anomaly> list = i.range() == null || i.range().until() == null ? out.anomalies()
                        : out.anomalies().stream().filter(a -> a.timestamp().isBefore(i.range().until())).toList();
                var filtered = new ToolOutput.AnomalyDigest(list, out.note());
                yield answer(writer.anomalies(filtered, i.count(), i.countGiven(), i.host(), i.minSeverity(),
                                i.range() == null ? null : i.range().label(), now),
                        list.stream().map(Anomaly::host).distinct().toList());
            }
            case Intent.Explain i -> i.range() != null && i.host() != null ? hostHistory(i, tools, now) : explain(i, tools, now);
            case Intent.Busiest i -> busiest(i, tools, now);
            case Intent.Logs i -> {
                TimeRange range = i.range() != null ? i.range()
                        : new TimeRange(now.minus(Duration.ofHours(1)), null, "over the last hour");
                int limit = 20;
                var out = tools.run(new ToolCall.AuditLogs(range.from(), range.until(), i.action(),
                        i.host(), null, limit)).output();
                yield answer(actions.auditLogs(out, range.label(), limit),
                        out.records().stream().map(e -> e.instance()).filter(h -> h != null).distinct().toList());
            }
            case Intent.Remediations i -> {
                TimeRange range = i.range() != null ? i.range()
                        : new TimeRange(now.minus(Duration.ofHours(24)), null, "over the last 24 hours");
                var all = tools.run(new ToolCall.RemediationHistory(range.from(), range.until(),
                        i.host(), i.trigger(), i.result() == null ? 20 : 100)).output();
                var out = i.result() == null ? all : new ToolOutput.RemediationDigest(all.remediations().stream()
                        .filter(r -> outcome(r, i.result())).limit(20).toList(), all.since(), all.note());
                String label = i.result() == null ? range.label() : range.label() + " (only " + resultWords(i.result()) + ")";
                yield answer(actions.remediations(out, i.trigger(), label, now),
                        out.remediations().stream().map(r -> r.target()).filter(h -> h != null).distinct().toList());
            }
            case Intent.Alerts i -> {
                var out = tools.run(new ToolCall.Alerts(i.host(), i.firingOnly(), 10)).output();
                if (i.why() && out.alerts().isEmpty() && i.host() != null) {
                    var recent = tools.run(new ToolCall.Alerts(i.host(), false, 1)).output();
                    yield answer(oncall.noAlertFiring(i.host(), recent.alerts(), now), List.of(i.host()));
                }
                yield answer(oncall.alerts(out, now), out.alerts().stream().map(a -> a.host()).filter(h -> h != null)
                        .distinct().toList());
            }
            case Intent.Notifications i -> {
                TimeRange range = i.range() != null ? i.range()
                        : new TimeRange(now.minus(Duration.ofHours(24)), null, "over the last 24 hours");
                int limit = 20;
                var out = tools.run(new ToolCall.Notifications(range.from(), range.until(), i.host(), i.channel(), i.failedOnly(),
                        limit)).output();
                yield answer(notifications.sent(out, i, range.label(), limit, now), out.notifications().stream()
                        .map(n -> n.host()).filter(h -> h != null).distinct().toList());
            }
            case Intent.Snoozed i -> {
                var out = tools.run(new ToolCall.Silences()).output();
                yield answer(oncall.silences(out, now), out.silences().stream().map(s -> s.host()).filter(h -> h != null)
                        .distinct().toList());
            }
            case Intent.DetectorState i -> {
                var out = tools.run(new ToolCall.Status()).output();
                yield answer(detector.state(out.status(), i.host()), i.host() == null ? List.of() : List.of(i.host()));
            }
            case Intent.Usual i -> {
                List<ToolOutput.MetricValues> outs = new ArrayList<>();
                for (Metric m : metricsOrAll(i.metrics())) {
                    outs.add(tools.run(new ToolCall.CurrentMetrics(i.host(), m)).output());
                }
                var status = tools.run(new ToolCall.Status()).output();
                yield answer(detector.usual(outs, status.status(), i.asked()), hostsOf(outs));
            }
            case Intent.Acknowledged i -> {
                var anomalies = tools.run(new ToolCall.RecentAnomalies(QuestionParser.MAX_ANOMALIES, i.host(), null, null)).output();
                var alerts = tools.run(new ToolCall.Alerts(i.host(), false, 50)).output();
                yield answer(oncall.acknowledged(anomalies.anomalies(), alerts.alerts(), i.host(), i.range(), now),
                        i.host() == null ? List.of() : List.of(i.host()));
            }
            case Intent.Status i -> {
                var out = tools.run(new ToolCall.Status()).output();
                yield answer(writer.status(out.status(), now), List.of());
            }
            case Intent.Propose i -> propose(i, question, tools);
            case Intent.Unsupported i -> answer("That is not something I can do ('" + i.verb() + "'). I read this agent's "
                    + "data and can only propose restart_service, scale_up, scale_in or notify on one named host for an operator to "
                    + "approve (e.g. 'Restart nginx on web-1'). Nothing was done.", List.of());
            case Intent.Ambiguous i -> answer("Which host do you mean by '" + i.word() + "': " + orList(i.hosts())
                    + "? Name one, e.g. '" + i.hosts().getFirst() + "'. Nothing was done.", List.of());
            case Intent.UnknownTopic i -> answer("I don't know " + i.subject() + ". I can tell you " + i.instead() + ".", List.of());
            case Intent.UnclearTime i -> answer("Since when? I don't know when " + i.event() + " was. Give a time, e.g. 'since 14:00', "
                    + "'in the last 2 hours' or 'between 13:00 and 14:00'.", List.of());
            case Intent.Help i -> answer(help(i.unknownHost(), tools), List.of());
        };
    }

    /** Whether a remediation ended as asked: a dry run also when its outcome says "dry run"; refused includes rejected. */
    private static boolean outcome(io.smartcloudops.agent.chat.tools.RemediationSummary r, AuditResult wanted) {
        return switch (wanted) {
            case DRY_RUN -> r.dryRun() || r.result() == AuditResult.DRY_RUN;
            case REFUSED -> r.result() == AuditResult.REFUSED || r.result() == AuditResult.REJECTED;
            default -> r.result() == wanted;
        };
    }

    private static String resultWords(AuditResult result) {
        return switch (result) {
            case PENDING -> "waiting for approval";
            case DRY_RUN -> "dry runs";
            case REFUSED -> "refused or rejected";
            default -> result.key();
        };
    }

    private Answer explain(Intent.Explain i, ToolSession tools, Instant now) {
        ToolCall.ExplainAnomaly call;
        if (i.host() != null) {
            call = new ToolCall.ExplainAnomaly(i.host(), null);
        } else {
            var newest = tools.run(new ToolCall.RecentAnomalies(1, null, null, null)).output();
            if (newest.anomalies().isEmpty()) {
                return answer("No anomalies are recorded, so nothing looks anomalous right now."
                        + (newest.note() == null ? "" : " (" + newest.note() + ")"), List.of());
            }
            call = new ToolCall.ExplainAnomaly(null, newest.anomalies().getFirst().id());
        }
        var out = tools.run(call).output();
        return answer(writer.explanation(out, now), out.host() == null ? List.of() : List.of(out.host()));
    }

    /** "What happened to web-1 in the last hour?": every anomaly of the host in that time, then its values now. */
    private Answer hostHistory(Intent.Explain i, ToolSession tools, Instant now) {
        TimeRange range = i.range();
        var digest = (ToolOutput.AnomalyDigest) tools.run(new ToolCall.RecentAnomalies(QuestionParser.MAX_ANOMALIES, i.host(),
                null, range.from())).output();
        List<Anomaly> inRange = range.until() == null ? digest.anomalies()
                : digest.anomalies().stream().filter(a -> a.timestamp().isBefore(range.until())).toList();
        var values = (ToolOutput.MetricValues) tools.run(new ToolCall.CurrentMetrics(i.host(), null)).output();
        return answer(writer.hostHistory(i.host(), range.label(), inRange, values, now), List.of(i.host()));
    }

    /** "Which host is busiest?": every host ranked by the metric, now or by its mean over the range. */
    private Answer busiest(Intent.Busiest i, ToolSession tools, Instant now) {
        if (i.range() == null) {
            var out = (ToolOutput.MetricValues) tools.run(new ToolCall.CurrentMetrics(null, i.metric())).output();
            return answer(writer.busiestNow(i.metric(), out, i.top(), i.lowestFirst()), out.values().stream().map(ToolOutput.HostValue::host).limit(1).toList());
        }
        var out = (ToolOutput.SeriesSummary) tools.run(new ToolCall.SeriesStats(null, i.metric(), i.range().from(),
                i.range().until())).output();
        return answer(writer.busiestOver(i.metric(), i.range().label(), out, i.top(), i.lowestFirst()),
                out.series().stream().map(ToolOutput.Stats::host).limit(1).toList());
    }

    private Answer propose(Intent.Propose i, Question question, ToolSession tools) {
        if (i.missing() != null) {
            String text = switch (i.missing()) {
                case "target" -> "Which host? Name one, e.g. '" + switch (i.action()) {
                    case SCALE_UP -> "Scale up web-1";
                    case SCALE_IN -> "Scale in web-1";
                    case NOTIFY -> "Notify web-1: disk almost full";
                    case RESTART_SERVICE -> "Restart nginx on web-1";
                } + "'. Hosts I know: " + hostList() + ". Nothing was proposed.";
                case "unit" -> "Which service on " + i.target() + "? Name the unit, e.g. 'Restart nginx on " + i.target() + "'"
                        + units(tools) + ". Nothing was proposed.";
                default -> "I propose one action on one host at a time: name the service and the host, e.g. "
                        + "'Restart nginx on web-1'. Nothing was proposed.";
            };
            return answer(text, i.target() == null ? List.of() : List.of(i.target()));
        }
        String reason = "asked in chat by " + tools.actor() + ": " + AnswerWriter.quote(question.text());
        var out = tools.run(new ToolCall.ProposeRemediation(i.action().key(), i.target(), i.params(),
                TextCut.head(reason, 300))).output();
        String text = out.pending() ? writer.proposed(out.action()) : writer.refused(out.field(), out.reason());
        int asked = i.action() == ActionType.SCALE_UP ? ActionRequests.instancesAsked(question.text()) : 0;
        if (out.pending() && asked > 1) {
            text += " scale_up raises the desired capacity by one per approval, not by " + asked + ".";
        }
        return answer(text, List.of(i.target()));
    }

    private String units(ToolSession tools) {
        List<String> units = tools.runner().proposer().allowedUnits();
        return units.isEmpty() ? "" : " (allowed: " + String.join(", ", units) + ")";
    }

    private String help(String unknownHost, ToolSession tools) {
        if (unknownHost != null) {
            return "I don't know a host called '" + unknownHost + "', so I will not answer with another host's figures."
                    + " Hosts I know: " + hostList() + ".";
        }
        String prefix = "I did not understand that. ";
        return prefix + "I answer from this agent's live data, for example:\n"
                + "- What's current CPU? (or memory, disk, disk I/O, network, load; add a host)\n"
                + "- What was the max CPU on <host> over the last hour? (min, mean, p95, max, last)\n"
                + "- Which host is busiest? / Top 3 hosts by memory / Is web-1 busier than web-2?\n"
                + "- What happened to <host> in the last hour?\n"
                + "- Summarize last 3 anomalies / critical anomalies today\n"
                + "- Why is <host> anomalous?\n"
                + "- Show logs from 10 minutes ago (the remediation audit log)\n"
                + "- What did auto-remediation do today?\n"
                + "- What alerts are firing? / Why is <host> alerting? (from Alertmanager and Grafana)\n"
                + "- What is snoozed? / What has been acknowledged? / Any pending approvals?\n"
                + "- Which notifications were sent today? / Did anyone get paged about <host>? / Did any notification fail?\n"
                + "- Is <host> still learning? / Which hosts have a season? / What is normal CPU for <host>?\n"
                + "- Is the agent healthy?\n"
                + "- Restart nginx on <host> (a proposal an operator approves; nothing runs from chat)\n"
                + "- Follow-ups keep the question before: 'and web-2?', 'what about memory', 'over the last hour?'\n"
                + "Hosts I know: " + hostList() + ".";
    }

    private static String orList(List<String> hosts) {
        List<String> shown = hosts.subList(0, Math.min(10, hosts.size()));
        String last = shown.getLast();
        return shown.size() == 1 ? last
                : String.join(", ", shown.subList(0, shown.size() - 1)) + (hosts.size() > 10 ? ", ..." : "") + " or " + last;
    }

    private String hostList() {
        List<String> hosts = new ArrayList<>(new LinkedHashSet<>(knownHosts.get()));
        if (hosts.isEmpty()) {
            return "none yet";
        }
        return String.join(", ", hosts.subList(0, Math.min(10, hosts.size()))) + (hosts.size() > 10 ? ", ..." : "");
    }

    private static List<String> hostsOrAll(List<String> hosts) {
        if (hosts.isEmpty()) {
            List<String> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        return hosts.subList(0, Math.min(MAX_HOST_CALLS, hosts.size()));
    }

    private static List<Metric> metricsOrAll(List<Metric> metrics) {
        if (metrics.isEmpty()) {
            List<Metric> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        return metrics;
    }

    private static List<String> hostsOf(List<ToolOutput.MetricValues> outs) {
        return outs.stream().flatMap(o -> o.values().stream()).map(ToolOutput.HostValue::host).distinct().limit(MAX_HOST_CALLS).toList();
    }

    private static Answer answer(String text, List<String> hosts) {
        return new Answer(text, BACKEND, hosts);
    }
}
