/*
 * Offline chat answer latency on the replay scenario of the chat tests.
 *
 *   ./mvnw -B -q -DskipTests package -pl agent -am
 *   java -cp agent/target/smartcloudops-agent.jar bench/chat/OfflineChatBench.java [iterations] [extraHosts] [typed]
 *
 * Replays agent/src/test/resources/chat/scenario (3 hosts, 120 samples each) through the real ReplaySource,
 * optionally adds extraHosts synthetic hosts with 24 h of one-minute samples, then asks the six
 * questions round-robin through ChatService.ask (sanitising, parsing, tools, answer, redaction, context,
 * metrics, event). Baseline, measured in the same run: the same tool calls made directly on ToolRunner,
 * without parsing or writing, so the ratio is what the offline backend adds to reading the data. With "typed", the
 * six questions are asked as people type them in a chat (mentions, shorthand, typos, "web 1").
 */

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.chat.ChatMetrics;
import io.smartcloudops.agent.chat.ChatService;
import io.smartcloudops.agent.chat.SecretRedactor;
import io.smartcloudops.agent.chat.context.InMemoryChatContext;
import io.smartcloudops.agent.chat.offline.OfflineAssistant;
import io.smartcloudops.agent.chat.tools.ActionProposer;
import io.smartcloudops.agent.chat.tools.AnomalyQuery;
import io.smartcloudops.agent.chat.tools.AuditEntry;
import io.smartcloudops.agent.chat.tools.Proposal;
import io.smartcloudops.agent.chat.tools.ProposalRequest;
import io.smartcloudops.agent.chat.tools.ToolCall;
import io.smartcloudops.agent.chat.tools.ToolRunner;
import io.smartcloudops.agent.collect.HostSample;
import io.smartcloudops.agent.collect.ReplaySource;
import io.smartcloudops.agent.config.SourceSpec;
import io.smartcloudops.agent.config.ChatConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.status.StatusService;
import io.smartcloudops.agent.store.SeriesStore;
import io.smartcloudops.api.Metric;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Trigger;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.status.SourceStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

public class OfflineChatBench {

    static final Instant START = Instant.parse("2026-03-10T13:01:00Z");
    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    static final String[] ASKED = {"What's current CPU?", "Summarize last 3 anomalies", "Show logs from 10 minutes ago",
            "Why is web-1 anomalous?", "What did auto-remediation do today?", "Restart nginx on web-1"};
    /** The same six as people type them in a chat: mentions, shorthand, typos, number words, no separators. */
    static final String[] TYPED = {"@smartcloudops whats cpu rn??", "summarise the last three anomolies pls",
            "hey bot, show me the logs from ten mins ago", "why is web1 acting up", "what did autoremediation do today",
            "<@U024BE7LH> restrat nginx on web 1 please"};
    static String[] QUESTIONS = ASKED;

    /** A clock moved by hand: the replay runs at its own pace, then time stops at 15:00. */
    static final class SetClock extends Clock {
        volatile Instant now = START;
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId z) { return this; }
        public Instant instant() { return now; }
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int extraHosts = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (args.length > 2 && args[2].equals("typed")) {
            QUESTIONS = TYPED;
        }
        SetClock clock = new SetClock();
        SeriesStore store = new SeriesStore(clock, Duration.ofHours(24), Duration.ofMinutes(1), 10_000);
        Path dir = Path.of("agent/src/test/resources/chat/scenario").toAbsolutePath();
        ReplaySource replay = new ReplaySource((SourceSpec.Replay) SourceSpec.parse("replay:" + dir + "?speed=1"), clock);
        replay.collect().forEach(store::append);
        clock.now = NOW;
        for (HostSample s : replay.collect()) {
            store.append(s);
        }
        for (int h = 0; h < extraHosts; h++) {
            for (int i = 24 * 60 - 1; i >= 0; i--) {
                Map<Metric, Double> v = new EnumMap<>(Metric.class);
                for (Metric m : Metric.values()) {
                    v.put(m, (double) ((h * 31 + i * 7 + m.ordinal()) % 100));
                }
                store.append(new HostSample(String.format(Locale.ROOT, "node-%04d", h), NOW.minus(Duration.ofMinutes(i)), v));
            }
        }
        List<Anomaly> anomalies = List.of(
                new Anomaly("an-4", "web-1", t("14:50"), t("14:51"), null, 0.91, Severity.CRITICAL, List.of("cpu", "load1"),
                        List.of(new Contributor("cpu", 97.0, 12.0, 14.2), new Contributor("load1", 7.8, 0.9, 9.1)), "cpu 97.0%"),
                new Anomaly("an-3", "web-2", t("14:29"), t("14:30"), t("14:34"), 0.74, Severity.HIGH, List.of("net_in"),
                        List.of(new Contributor("net_in", 48e6, 2e6, 8.7)), "net_in 48.0 MB/s"),
                new Anomaly("an-2", "db-1", t("13:39"), t("13:40"), t("13:44"), 0.62, Severity.MEDIUM, List.of("disk_io"),
                        List.of(new Contributor("disk_io", 78.0, 20.0, 5.1)), "disk_io 78.0%"),
                new Anomaly("an-1", "web-1", t("13:19"), t("13:20"), t("13:22"), 0.55, Severity.LOW, List.of("mem"),
                        List.of(new Contributor("mem", 58.0, 41.0, 3.2)), "mem 58.0%"));
        List<AuditEntry> audit = List.of(
                new AuditEntry(t("14:58"), AuditEvent.VERIFIED, ActionType.RESTART_SERVICE, "web-1", AuditResult.SUCCESS, Trigger.RULE, "rule:cpu-high", false, "r-1",
                        "cpu back under 80%", "cpu-high", Map.of("unit", "nginx"), null, true),
                new AuditEntry(t("14:55"), AuditEvent.FINISHED, ActionType.RESTART_SERVICE, "web-1", AuditResult.SUCCESS, Trigger.RULE, "rule:cpu-high", false, "r-1",
                        "exit 0", "cpu-high", Map.of("unit", "nginx"), null, null),
                new AuditEntry(t("14:54"), AuditEvent.STARTED, ActionType.RESTART_SERVICE, "web-1", AuditResult.RUNNING, Trigger.RULE, "rule:cpu-high", false, "r-1",
                        "running", "cpu-high", Map.of("unit", "nginx"), null, null),
                new AuditEntry(t("14:40"), AuditEvent.FINISHED, ActionType.RESTART_SERVICE, "web-2", AuditResult.SUCCESS, Trigger.OPERATOR, "alice", false, "r-3",
                        "exit 0", null, Map.of("unit", "php-fpm"), null, null),
                new AuditEntry(t("12:10"), AuditEvent.FINISHED, ActionType.SCALE_UP, "web-2", AuditResult.DRY_RUN, Trigger.RULE, "rule:net-spike", true, "r-2",
                        "dry run", "net-spike", Map.of(), null, null));
        AtomicInteger proposals = new AtomicInteger();
        ActionProposer proposer = new ActionProposer() {
            public Proposal propose(ProposalRequest r, String actor) {
                return new Proposal.Pending(new ProposedAction("rem-" + proposals.incrementAndGet(), r.action(), r.target(),
                        r.params(), "pending", false, r.reason(), "waiting"));
            }
            public List<String> allowedUnits() { return List.of("nginx"); }
        };
        StatusService status = new StatusService("bench", clock, () -> new SourceStatus("replay", "replay", true, null, NOW, NOW, 0, 60), store);
        ToolRunner runner = new ToolRunner(store, status::status,
                (AnomalyQuery q) -> anomalies.stream().filter(q::matches).limit(q.limit()).toList(),
                q -> audit.stream().filter(q::matches).limit(q.limit()).toList(), proposer, clock);
        InMemoryChatContext context = new InMemoryChatContext(clock, Duration.ofHours(24), 10);
        ChatConfig d = ChatConfig.defaults();
        // the clock stands still, so the per-token limit must not run out during the run
        ChatConfig config = new ChatConfig(d.backend(), d.baseUrl(), d.model(), d.timeout(), d.maxRetries(), d.maxToolRounds(),
                d.maxOutputTokens(), 10_000, d.maxQuestionChars(), d.maxToolOutputChars(), d.contextTtl(), d.maxTurns(), d.timeZone());
        ChatService chat = new ChatService(config, runner, new OfflineAssistant(store::hosts, clock, ZoneId.of("UTC")),
                Optional.empty(), context, new SecretRedactor(List.of()), new ChatMetrics(new PrometheusRegistry()),
                new EventBus(), clock);
        // baseline: the tool calls each question makes, straight on the runner
        ToolCall[][] calls = {
                {new ToolCall.CurrentMetrics(null, Metric.CPU)},
                {new ToolCall.RecentAnomalies(3, null, null, null)},
                {new ToolCall.AuditLogs(NOW.minus(Duration.ofMinutes(10)), null, null, null, null, 20)},
                {new ToolCall.ExplainAnomaly("web-1", null)},
                {new ToolCall.RemediationHistory(t("00:00"), null, null, Trigger.RULE, 20)},
                {new ToolCall.ProposeRemediation("restart_service", "web-1", Map.of("unit", "nginx"), "bench")}};

        System.out.printf(Locale.ROOT, "hosts: %d, samples: %d, iterations per question: %d%n", store.hosts().size(),
                store.hosts().stream().mapToInt(store::sampleCount).sum(), iterations / QUESTIONS.length);
        for (int warm = 0; warm < 3; warm++) {
            run(chat, runner, calls, Math.max(600, iterations / 5), false);
        }
        run(chat, runner, calls, iterations, true);
    }

    static void run(ChatService chat, ToolRunner runner, ToolCall[][] calls, int iterations, boolean print) {
        long[][] ask = new long[QUESTIONS.length][iterations / QUESTIONS.length];
        long[][] base = new long[QUESTIONS.length][iterations / QUESTIONS.length];
        for (int i = 0; i < iterations / QUESTIONS.length; i++) {
            for (int q = 0; q < QUESTIONS.length; q++) {
                long t0 = System.nanoTime();
                for (ToolCall c : calls[q]) {
                    runner.run(c, "bench");
                }
                long t1 = System.nanoTime();
                chat.ask(QUESTIONS[q], null, "bench-" + (i % 1000));
                long t2 = System.nanoTime();
                base[q][i] = t1 - t0;
                ask[q][i] = t2 - t1;
            }
        }
        if (!print) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s %9s | %13s %9s%n", "question", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "tools p50 ms", "ratio p50");
        long[] allAsk = Arrays.stream(ask).flatMapToLong(Arrays::stream).toArray();
        long[] allBase = Arrays.stream(base).flatMapToLong(Arrays::stream).toArray();
        for (int q = 0; q < QUESTIONS.length; q++) {
            line(QUESTIONS[q], ask[q], base[q]);
        }
        line("all", allAsk, allBase);
    }

    static void line(String name, long[] ask, long[] base) {
        long[] a = ask.clone();
        long[] b = base.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf(Locale.ROOT, "%-40s %9.3f %9.3f %9.3f %9.3f | %13.3f %9.1f%n", name, ms(pct(a, 50)), ms(pct(a, 90)),
                ms(pct(a, 99)), ms(a[a.length - 1]), ms(pct(b, 50)), (double) pct(a, 50) / Math.max(1, pct(b, 50)));
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static Instant t(String hhmm) {
        return Instant.parse("2026-03-10T" + hhmm + ":00Z");
    }
}
