package io.smartcloudops.agent.chat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import io.smartcloudops.agent.chat.Answer;
import io.smartcloudops.agent.chat.Assistant;
import io.smartcloudops.agent.chat.ChatMetrics;
import io.smartcloudops.agent.chat.ModelFailure;
import io.smartcloudops.agent.chat.Question;
import io.smartcloudops.agent.chat.SecretRedactor;
import io.smartcloudops.agent.chat.context.ChatContext;
import io.smartcloudops.agent.chat.context.Turn;
import io.smartcloudops.agent.chat.tools.ToolArgumentException;
import io.smartcloudops.agent.chat.tools.ToolCall;
import io.smartcloudops.agent.chat.tools.ToolCatalog;
import io.smartcloudops.agent.chat.tools.ToolSession;
import io.smartcloudops.agent.config.ChatConfig;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.time.DurationText;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The OpenAI-compatible backend (OpenAI, Azure OpenAI, LiteLLM, vLLM, Ollama): Chat Completions with
 * function calling over the {@link ToolCatalog}. The loop is bounded by {@code chat.max_tool_rounds};
 * invalid tool calls are refused and the model is told why; tool results reach the model redacted,
 * size-capped and wrapped as {@link UntrustedData}. Any failure (timeout, HTTP error, malformed answer,
 * no answer within the rounds) is a {@link ModelFailure}, and the caller answers offline.
 */
public final class OpenAiAssistant implements Assistant {

    public static final String BACKEND = "openai";
    private static final int RECENT_IN_PROMPT = 5;

    private final OpenAIClient client;
    private final ChatConfig config;
    private final ToolCatalog catalog;
    private final SystemPrompt prompt;
    private final SecretRedactor redactor;
    private final ChatMetrics metrics;
    private final ChatContext context;
    private final Supplier<Collection<String>> hosts;
    private final Clock clock;
    private final ZoneId zone;
    private final List<com.openai.models.chat.completions.ChatCompletionTool> tools;

    public OpenAiAssistant(OpenAIClient client, ChatConfig config, ToolCatalog catalog, SecretRedactor redactor,
                           ChatMetrics metrics, ChatContext context, Supplier<Collection<String>> hosts, Clock clock) {
        this.client = client;
        this.config = config;
        this.catalog = catalog;
        this.prompt = SystemPrompt.load();
        this.redactor = redactor;
        this.metrics = metrics;
        this.context = context;
        this.hosts = hosts;
        this.clock = clock;
        this.zone = ZoneId.of(config.timeZone().trim());
        this.tools = FunctionSchemas.of(catalog);
    }

    /** The SDK's OkHttp client for {@code config}; retries only what the SDK retries (timeouts, 429, 5xx). */
    public static OpenAIClient client(ChatConfig config, String apiKey) {
        Duration connect = config.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? config.timeout() : Duration.ofSeconds(10);
        OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .timeout(Timeout.builder().connect(connect).read(config.timeout()).write(config.timeout())
                        .request(config.timeout()).build())
                .maxRetries(config.maxRetries())
                .disableTelemetry(true);
        if (config.baseUrl() != null && !config.baseUrl().isBlank()) {
            b.baseUrl(config.baseUrl().trim());
        }
        return b.build();
    }

    @Override
    public Answer answer(Question question, ToolSession session) {
        List<ChatCompletionMessageParam> messages = new ArrayList<>();
        messages.add(ChatCompletionMessageParam.ofSystem(ChatCompletionSystemMessageParam.builder()
                .content(redactor.redact(prompt.render(clock.instant(), zone, hostList(), recent()))).build()));
        for (Turn t : question.history()) {
            messages.add(user(t.question()));
            messages.add(ChatCompletionMessageParam.ofAssistant(ChatCompletionAssistantMessageParam.builder()
                    .content(t.answer()).build()));
        }
        messages.add(user(redactor.redact(question.text())));
        int refused = 0;
        // chat.timeout bounds the whole question: every round and every retry of the SDK
        long deadline = System.nanoTime() + config.timeout().toNanos();
        for (int round = 1; round <= config.maxToolRounds(); round++) {
            // the last round asks for words: the model must answer from what the tools gave it so far
            ChatCompletionMessage reply = complete(messages, round == config.maxToolRounds(), deadline);
            List<ChatCompletionMessageToolCall> calls = reply.toolCalls().orElse(List.of());
            if (calls.isEmpty()) {
                String text = reply.content().orElse("").strip();
                if (text.isEmpty()) {
                    throw new ModelFailure(reply.refusal().map(r -> "the model refused: " + shorten(r, 80))
                            .orElse("the model gave an empty answer"));
                }
                return new Answer(text, BACKEND, mentionedHosts(text));
            }
            messages.add(ChatCompletionMessageParam.ofAssistant(reply.toParam()));
            for (ChatCompletionMessageToolCall call : calls) {
                String id;
                String content;
                if (!call.isFunction()) {
                    id = call.custom().map(c -> c.id()).orElse("unknown");
                    content = Json.write(session.refused("custom", null,
                            new ToolArgumentException("tool", "only the listed functions exist")));
                    refused++;
                } else {
                    ChatCompletionMessageFunctionToolCall fn = call.asFunction();
                    id = fn.id();
                    String name = fn.function().name();
                    String arguments = fn.function().arguments();
                    try {
                        ToolCall<?> toolCall = catalog.parse(name, arguments);
                        ToolSession.Ran<?> ran = session.run(toolCall);
                        content = UntrustedData.wrap(toolCall.tool(), ran.json());
                    } catch (ToolArgumentException e) {
                        refused++;
                        content = Json.write(session.refused(name, raw(arguments), e));
                    }
                }
                messages.add(ChatCompletionMessageParam.ofTool(ChatCompletionToolMessageParam.builder()
                        .toolCallId(id).content(content).build()));
            }
        }
        throw new ModelFailure(refused > 0
                ? "no answer after " + config.maxToolRounds() + " tool rounds (" + refused + " tool call(s) with invalid arguments refused)"
                : "no answer after " + config.maxToolRounds() + " tool rounds");
    }

    private ChatCompletionMessage complete(List<ChatCompletionMessageParam> messages, boolean lastRound, long deadline) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model(config.model())
                .messages(messages)
                .tools(tools)
                .maxCompletionTokens(config.maxOutputTokens());
        if (lastRound) {
            b.toolChoice(ChatCompletionToolChoiceOption.Auto.NONE);
        }
        ChatCompletionCreateParams params = b.build();
        try {
            ChatCompletion completion = withinDeadline(() -> client.chat().completions().create(params), deadline);
            completion.usage().ifPresent(u -> metrics.tokens(u.promptTokens(), u.completionTokens()));
            if (completion.choices().isEmpty()) {
                throw new ModelFailure("the model server answered without a choice");
            }
            return completion.choices().getFirst().message();
        } catch (ModelFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFailure(reason(e), e);
        }
    }

    /**
     * Runs one model call but waits only until the question's deadline: the SDK's own timeout is per attempt,
     * so a server that hangs would otherwise cost a full timeout for each retry (and each tool round).
     * An abandoned call ends by itself at its attempt's timeout; nothing waits for it and it runs no tool.
     */
    private <T> T withinDeadline(java.util.concurrent.Callable<T> call, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ModelFailure(timedOut());
        }
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call);
        Thread.ofVirtual().name("chat-model-call").start(task);
        try {
            return task.get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            throw new ModelFailure(timedOut());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelFailure("interrupted while waiting for the model");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ModelFailure("the model client failed (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    private String timedOut() {
        return "the model timed out after " + DurationText.format(config.timeout());
    }

    String reason(RuntimeException e) {
        if (hasCause(e, InterruptedIOException.class)) {
            return timedOut();
        }
        if (e instanceof OpenAIServiceException s) {
            return "the model server answered HTTP " + s.statusCode();
        }
        if (e instanceof OpenAIIoException) {
            return "the model server is unreachable (" + connectionFault(e) + ")";
        }
        if (e instanceof OpenAIInvalidDataException || hasCause(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
            return "malformed answer from the model server";
        }
        // never the exception's message: the label reaches users, and messages can quote what the endpoint sent
        return "the model client failed (" + e.getClass().getSimpleName() + ")";
    }

    /**
     * What went wrong on the connection, in the agent's words. OkHttp's messages quote the bytes the endpoint
     * sent ("Unexpected status line: ..."), which must not reach the answer a user reads.
     */
    private static String connectionFault(Throwable e) {
        if (hasCause(e, java.net.ConnectException.class)) {
            return "connection refused";
        }
        if (hasCause(e, java.net.UnknownHostException.class)) {
            return "unknown host";
        }
        if (hasCause(e, javax.net.ssl.SSLException.class)) {
            return "TLS failed";
        }
        if (hasCause(e, java.net.ProtocolException.class)) {
            return "the answer was not HTTP";
        }
        if (hasCause(e, java.io.EOFException.class)) {
            return "connection closed in the middle of the answer";
        }
        if (hasCause(e, java.net.SocketException.class)) {
            return "connection reset";
        }
        return "connection failed";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return TextCut.ellipsis(one, max);
    }

    private static ChatCompletionMessageParam user(String text) {
        return ChatCompletionMessageParam.ofUser(ChatCompletionUserMessageParam.builder().content(text).build());
    }

    private static JsonNode raw(String arguments) {
        try {
            return Json.mapper().readTree(arguments == null ? "{}" : arguments);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return TextNode.valueOf(shorten(arguments, 200));
        }
    }

    private List<String> hostList() {
        List<String> all = new ArrayList<>(hosts.get());
        return all.subList(0, Math.min(50, all.size()));
    }

    private List<String> mentionedHosts(String text) {
        return hosts.get().stream().filter(text::contains).limit(5).toList();
    }

    private JsonNode recent() {
        ObjectNode recent = Json.mapper().createObjectNode();
        ArrayNode anomalies = recent.putArray("anomalies");
        for (Anomaly a : context.recentAnomalies(RECENT_IN_PROMPT)) {
            ObjectNode o = anomalies.addObject();
            o.put("host", a.host());
            o.put("at", a.timestamp().toString());
            o.put("severity", a.severity() == null ? null : a.severity().key());
            o.put("summary", a.summary());
            o.put("open", a.end() == null);
        }
        recent.set("actions", Json.mapper().valueToTree(context.recentActions(RECENT_IN_PROMPT)));
        return redactor.redact(recent);
    }
}
