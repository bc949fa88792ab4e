package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * The ChatOps assistant ({@code POST /query}). The model's API key is never read from this file: it comes
 * from {@code SMARTCLOUDOPS_CHAT_API_KEY} or {@code OPENAI_API_KEY}, else from SSM ({@code <ssm.parameter_prefix>/openai/api_key}).
 *
 * @param backend            {@code offline} (default: deterministic, no network) or {@code openai} (any
 *                           OpenAI-compatible Chat Completions server; falls back to offline on any failure)
 * @param baseUrl            e.g. {@code http://127.0.0.1:11434/v1} for Ollama; empty = OpenAI's own API
 * @param model              model name sent to the server
 * @param timeout            the longest a question waits for the model: every tool round and retry included
 * @param maxRetries         retries of a failed model request (timeouts, 429, 5xx) before falling back
 * @param maxToolRounds      model round trips with tool calls per question before falling back
 * @param maxOutputTokens    cap on the model's answer length
 * @param rateLimitPerMinute questions per token per minute (a burst of this many, then refilled evenly)
 * @param maxQuestionChars   longer questions are refused with 400
 * @param maxToolOutputChars each tool result given to the model (and shown in {@code data}) is cut to this size
 * @param contextTtl         how long a conversation (and the shared recent anomalies/actions) is kept; the context
 *                           is in Redis (shared by every agent using it) when {@code redis.url} is set, else in memory
 * @param maxTurns           earlier question/answer pairs of a conversation given to the model
 * @param timeZone           zone for "today", "since 14:00" and the times in answers (IANA id, e.g. {@code UTC},
 *                           {@code Europe/Berlin})
 */
public record ChatConfig(
        String backend,
        String baseUrl,
        String model,
        Duration timeout,
        int maxRetries,
        int maxToolRounds,
        int maxOutputTokens,
        int rateLimitPerMinute,
        int maxQuestionChars,
        int maxToolOutputChars,
        Duration contextTtl,
        int maxTurns,
        String timeZone) {

    public static final String OFFLINE = "offline";
    public static final String OPENAI = "openai";

    public ChatConfig {
        backend = backend == null ? null : backend.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static ChatConfig defaults() {
        return new ChatConfig(OFFLINE, null, "gpt-4o-mini", Duration.ofSeconds(20), 1, 4, 800, 30, 2000, 6000,
                Duration.ofHours(24), 10, "UTC");
    }

    public boolean usesModel() {
        return OPENAI.equals(backend);
    }
}
