package io.smartcloudops.agent.chat.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.chat.ChatScenario;
import io.smartcloudops.agent.chat.ChatService;
import io.smartcloudops.agent.chat.tools.AnomalyHistory;
import io.smartcloudops.agent.chat.tools.AnomalyQuery;
import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.agent.testing.RedisProcess;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import io.smartcloudops.api.chat.QueryResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/** The chat context in a real redis-server (Debian's, on a free loopback port), shared by two "agents". */
class RedisChatContextTest {

    @TempDir
    Path dir;

    RedisProcess redis;
    RedisClient agentA;
    RedisClient agentB;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T15:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        redis = RedisProcess.start(dir);
        agentA = RedisClient.create(URI.create(redis.url()));
        agentB = RedisClient.create(URI.create(redis.url()));
    }

    @AfterEach
    void stop() throws Exception {
        agentA.close();
        agentB.close();
        redis.close();
    }

    RedisChatContext context(RedisClient client, int maxTurns) {
        return new RedisChatContext(client, "test:", "127.0.0.1", clock, Duration.ofHours(2), maxTurns);
    }

    @Test
    void conversationsAreSharedTrimmedAndExpire() {
        RedisChatContext a = context(agentA, 2);
        RedisChatContext b = context(agentB, 2);
        for (int i = 1; i <= 3; i++) {
            a.addTurn("conv-1", new Turn(clock.instant(), "question " + i, "answer " + i, List.of("web-1")));
        }
        assertThat(b.turns("conv-1")).extracting(Turn::question).containsExactly("question 2", "question 3");
        assertThat(b.turns("conv-1").getFirst().hosts()).containsExactly("web-1");
        assertThat(b.turns("other")).isEmpty();
        long ttl = agentA.pttl("test:chat:conv:conv-1");
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(2).toMillis());
        assertThat(agentA.keys("*")).allMatch(k -> k.startsWith("test:chat:"));
    }

    @Test
    void anomaliesAndActionsOfOtherAgentsAreSeenOncePerId() {
        RedisChatContext a = context(agentA, 10);
        RedisChatContext b = context(agentB, 10);
        Anomaly open = new Anomaly("an-9", "web-7", Instant.parse("2026-03-10T14:40:00Z"), Instant.parse("2026-03-10T14:41:00Z"),
                null, 0.8, Severity.HIGH, List.of("cpu"), List.of(), "cpu 95.0% (baseline 10.0%)");
        a.recordAnomaly(open);
        a.recordAnomaly(new Anomaly(open.id(), open.host(), open.start(), open.timestamp(), Instant.parse("2026-03-10T14:45:00Z"),
                open.score(), open.severity(), open.metrics(), open.contributors(), open.summary()));
        a.recordAnomaly(new Anomaly("an-10", "web-8", Instant.parse("2026-03-10T14:50:00Z"), Instant.parse("2026-03-10T14:50:00Z"),
                null, 0.6, Severity.LOW, List.of("mem"), List.of(), "mem 80.0%"));

        AnomalyHistory onB = new SharedAnomalyHistory(AnomalyHistory.unavailable("no detector on this agent"), b);
        List<Anomaly> seen = onB.recent(new AnomalyQuery(10, null, null, null));
        assertThat(seen).extracting(Anomaly::id).containsExactly("an-10", "an-9");
        assertThat(seen.get(1).end()).as("the latest version of an-9").isEqualTo(Instant.parse("2026-03-10T14:45:00Z"));
        assertThat(onB.recent(new AnomalyQuery(10, "web-7", Severity.HIGH, null))).extracting(Anomaly::id).containsExactly("an-9");
        assertThat(onB.unavailableReason()).isEmpty();

        a.recordAction(new RecentAction("rem-1", clock.instant(), "restart_service", "web-7", Map.of("unit", "nginx"),
                "pending", "chat", "alice"));
        assertThat(b.recentActions(5)).extracting(RecentAction::id, RecentAction::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rem-1", "pending"));
    }

    @Test
    void aConversationStartedOnOneAgentContinuesOnAnother() throws Exception {
        ChatService onA = new ChatScenario(false, context(agentA, 10)).offlineService();
        ChatService onB = new ChatScenario(false, context(agentB, 10)).offlineService();
        QueryResponse first = onA.ask("CPU on web-2?", null, "alice");
        assertThat(first.answer()).contains("web-2 CPU is 23.5% (baseline 20.0%)");
        QueryResponse followUp = onB.ask("why is it anomalous?", first.conversationId(), "alice");
        assertThat(followUp.answer()).startsWith("web-2 was anomalous from 14:29 UTC to 14:34 UTC (high, score 0.74).");
    }

    @Test
    void whenRedisIsDownTheChatAnswersWithoutContextAndStatusSaysSo() throws Exception {
        RedisChatContext a = context(agentA, 10);
        ChatService chat = new ChatScenario(false, a).offlineService();
        redis.close();
        QueryResponse r = chat.ask("What's current CPU?", null, "alice");
        assertThat(r.answer()).contains("web-1 97.0% (baseline 12.0%)");
        assertThat(a.turns(r.conversationId())).isEmpty();
        assertThat(a.status()).containsEntry("kind", "redis").containsEntry("healthy", false);
        assertThat((String) a.status().get("error")).isNotBlank();
    }
}
