package io.smartcloudops.agent.config;

import io.smartcloudops.api.time.DurationText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/** Checks of the {@code chat:} section; each failure names its key. */
final class ChatConfigChecks {

    private ChatConfigChecks() {
    }

    static void validate(ChatConfig c) {
        String backend = c.backend() == null ? "" : c.backend().trim().toLowerCase(Locale.ROOT);
        if (!backend.equals(ChatConfig.OFFLINE) && !backend.equals(ChatConfig.OPENAI)) {
            throw new ConfigException("chat.backend", "must be offline or openai (got '" + c.backend() + "')");
        }
        if (c.baseUrl() != null && !c.baseUrl().isBlank()) {
            url("chat.base_url", c.baseUrl(), "http", "https");
        }
        if (c.usesModel() && (c.model() == null || c.model().isBlank())) {
            throw new ConfigException("chat.model", "is required with backend openai");
        }
        between("chat.timeout", c.timeout(), Duration.ofMillis(100), Duration.ofMinutes(10));
        range("chat.max_retries", c.maxRetries(), 0, 5);
        range("chat.max_tool_rounds", c.maxToolRounds(), 1, 10);
        range("chat.max_output_tokens", c.maxOutputTokens(), 16, 32_000);
        range("chat.rate_limit_per_minute", c.rateLimitPerMinute(), 1, 10_000);
        range("chat.max_question_chars", c.maxQuestionChars(), 16, 100_000);
        range("chat.max_tool_output_chars", c.maxToolOutputChars(), 500, 200_000);
        between("chat.context_ttl", c.contextTtl(), Duration.ofMinutes(1), Duration.ofDays(30));
        range("chat.max_turns", c.maxTurns(), 0, 50);
        try {
            ZoneId.of(c.timeZone() == null ? "" : c.timeZone().trim());
        } catch (DateTimeException e) {
            throw new ConfigException("chat.time_zone", "'" + c.timeZone() + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }

    private static void url(String key, String value, String... schemes) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!java.util.List.of(schemes).contains(scheme) || uri.getHost() == null) {
                throw new ConfigException(key, "must be a " + String.join(" or ", schemes) + " URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(key, "is not a URL: " + e.getReason());
        }
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + " (got " + value + ")");
        }
    }

    private static void between(String key, Duration d, Duration min, Duration max) {
        if (d == null) {
            throw new ConfigException(key, "is required");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(key, "must be between " + DurationText.format(min) + " and " + DurationText.format(max));
        }
    }
}
