package io.smartcloudops.agent.chat;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/**
 * {@code smartcloudops_chat_requests_total{backend,result}}, {@code smartcloudops_chat_latency_seconds{backend}}
 * and {@code smartcloudops_chat_model_tokens_total{kind}}. {@code backend} is the configured one
 * ({@code offline}, {@code openai}); {@code result} is {@code answered}, {@code fallback} (the model failed,
 * offline answered), {@code rejected} (bad question), {@code rate_limited} or {@code error}; {@code kind} is
 * {@code prompt} or {@code completion}.
 */
public final class ChatMetrics {

    private final Counter requests;
    private final Histogram latency;
    private final Counter tokens;

    public ChatMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("smartcloudops_chat_requests_total")
                .help("Questions to the chat assistant by configured backend and result")
                .labelNames("backend", "result").register(registry);
        latency = Histogram.builder().name("smartcloudops_chat_latency_seconds")
                .help("Time to answer a chat question, model round trips included")
                .labelNames("backend")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 60)
                .register(registry);
        tokens = Counter.builder().name("smartcloudops_chat_model_tokens_total")
                .help("Tokens the language model reported using, by kind")
                .labelNames("kind").register(registry);
    }

    public void request(String backend, String result) {
        requests.labelValues(backend, result).inc();
    }

    public void latency(String backend, Duration d) {
        latency.labelValues(backend).observe(d.toNanos() / 1e9);
    }

    public void tokens(long prompt, long completion) {
        if (prompt > 0) {
            tokens.labelValues("prompt").inc(prompt);
        }
        if (completion > 0) {
            tokens.labelValues("completion").inc(completion);
        }
    }
}
