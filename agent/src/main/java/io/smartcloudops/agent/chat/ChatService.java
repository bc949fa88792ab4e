package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.chat.context.ChatContext;
import io.smartcloudops.agent.chat.context.RecentAction;
import io.smartcloudops.agent.chat.context.Turn;
import io.smartcloudops.agent.chat.tools.ToolRunner;
import io.smartcloudops.agent.chat.tools.ToolSession;
import io.smartcloudops.agent.config.ChatConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.chat.QueryResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /query}: rate limit per token, clean the question, answer with the configured
 * backend (the model when configured, the offline backend when it fails or is not configured), redact
 * what leaves, remember the turn, publish the answer. The answer's {@code backend} says who answered:
 * {@code offline}, {@code openai}, or {@code offline (fallback: <reason>)}.
 */
public final class ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
    private static final int LOGGED_QUESTION_CHARS = 200;

    private final ChatConfig config;
    private final ToolRunner runner;
    private final Assistant offline;
    private final Optional<Assistant> model;
    private final ChatContext context;
    private final SecretRedactor redactor;
    private final QuestionSanitizer sanitizer;
    private final TokenRateLimiter limiter;
    private final ChatMetrics metrics;
    private final EventBus bus;
    private final Clock clock;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private volatile String lastFallback;
    private volatile Instant lastFallbackAt;

    public ChatService(ChatConfig config, ToolRunner runner, Assistant offline, Optional<Assistant> model,
                       ChatContext context, SecretRedactor redactor, ChatMetrics metrics, EventBus bus, Clock clock) {
        this.config = config;
        this.runner = runner;
        this.offline = offline;
        this.model = model;
        this.context = context;
        this.redactor = redactor;
        this.sanitizer = new QuestionSanitizer(config.maxQuestionChars());
        this.limiter = new TokenRateLimiter(config.rateLimitPerMinute(), clock);
        this.metrics = metrics;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * Answers a question.
     *
     * @param actor the asking token's name: rate-limit key and the actor of any proposal
     * @throws ChatRateLimited  when the token asked too often
     * @throws QuestionRejected when the question or conversation id is not acceptable (names the field)
     */
    public QueryResponse ask(String rawQuestion, String rawConversationId, String actor) {
        long started = System.nanoTime();
        String backend = config.backend();
        Optional<Duration> wait = limiter.acquire(actor);
        if (wait.isPresent()) {
            metrics.request(backend, "rate_limited");
            throw new ChatRateLimited(wait.get());
        }
        String text;
        String conversationId;
        try {
            text = sanitizer.clean(rawQuestion);
            conversationId = QuestionSanitizer.conversationId(rawConversationId, () -> UUID.randomUUID().toString());
        } catch (QuestionRejected e) {
            metrics.request(backend, "rejected");
            throw e;
        }
        try {
            Question question = new Question(text, conversationId, actor, context.turns(conversationId));
            ToolSession tools = new ToolSession(runner, redactor, config.maxToolOutputChars(), actor);
            Answer answer;
            String label;
            String result = "answered";
            if (model.isPresent()) {
                try {
                    answer = model.get().answer(question, tools);
                    label = answer.backend();
                } catch (ModelFailure f) {
                    String reason = redactor.redact(f.reason());
                    LOG.warn("chat model failed ({}); answering offline", reason);
                    fallbacks.incrementAndGet();
                    lastFallback = reason;
                    lastFallbackAt = clock.instant();
                    answer = offline.answer(question, tools);
                    label = answer.backend() + " (fallback: " + reason + ")";
                    result = "fallback";
                }
            } else {
                answer = offline.answer(question, tools);
                label = answer.backend();
            }
            String answerText = redactor.redact(answer.text());
            String redactedQuestion = redactor.redact(text);
            context.addTurn(conversationId, new Turn(clock.instant(), redactedQuestion, answerText, answer.hosts()));
            for (ProposedAction p : tools.proposals()) {
                context.recordAction(new RecentAction(p.id(), clock.instant(), p.action(), p.target(), p.params(), p.state(),
                        "chat", actor));
            }
            QueryResponse response = new QueryResponse(answerText, label, tools.facts(), tools.proposals(), conversationId);
            answered.incrementAndGet();
            metrics.request(backend, result);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.latency(backend, took);
            LOG.info("chat: {} asked \"{}\" -> {} in {} ms, {} tool call(s), {} proposal(s)", actor,
                    shorten(redactedQuestion), label, took.toMillis(), tools.facts().size(), tools.proposals().size());
            bus.publish(new ChatAnswered(response));
            return response;
        } catch (RuntimeException e) {
            metrics.request(backend, "error");
            throw e;
        }
    }

    private static String shorten(String s) {
        return TextCut.ellipsis(s, LOGGED_QUESTION_CHARS);
    }

    /** The {@code chat} component of {@code /status}. */
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("backend", config.backend());
        if (config.usesModel()) {
            s.put("model", config.model());
            s.put("base_url", config.baseUrl() == null || config.baseUrl().isBlank() ? "(OpenAI)" : redactor.redact(config.baseUrl()));
            s.put("prompt_version", io.smartcloudops.agent.chat.openai.SystemPrompt.VERSION);
        }
        s.put("answered", answered.get());
        s.put("fallbacks", fallbacks.get());
        if (lastFallback != null) {
            s.put("last_fallback", lastFallback);
            s.put("last_fallback_at", lastFallbackAt.toString());
        }
        s.put("rate_limit_per_minute", limiter.perMinute());
        s.put("context", context.status());
        return s;
    }
}
