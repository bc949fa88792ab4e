package io.smartcloudops.agent.chat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.chat.openai.OpenAiAssistant;
import io.smartcloudops.agent.chat.tools.ToolCatalog;
import io.smartcloudops.agent.config.ChatConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Shared helpers of the chat tests. */
public final class ChatTesting {

    public static final String API_KEY = "sk-test-0123456789abcdefghij";

    private ChatTesting() {
    }

    public static ChatConfig openAi(String baseUrl, Duration timeout, int maxToolRounds) {
        ChatConfig d = ChatConfig.defaults();
        return new ChatConfig(ChatConfig.OPENAI, baseUrl, "gpt-test", timeout, 0, maxToolRounds, d.maxOutputTokens(),
                d.rateLimitPerMinute(), d.maxQuestionChars(), d.maxToolOutputChars(), d.contextTtl(), d.maxTurns(),
                d.timeZone());
    }

    /** The scenario's chat service with the OpenAI-compatible backend pointed at {@code config.baseUrl()}. */
    public static ChatService withModel(ChatScenario s, ChatConfig config) {
        ChatMetrics metrics = new ChatMetrics(s.registry);
        OpenAiAssistant model = new OpenAiAssistant(OpenAiAssistant.client(config, API_KEY), config, new ToolCatalog(s.clock),
                s.redactor, metrics, s.context, () -> s.store.hosts(), s.clock);
        return new ChatService(config, s.runner, s.offline(), Optional.of(model), s.context, s.redactor, metrics, s.bus, s.clock);
    }

    public static String scrape(PrometheusRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
