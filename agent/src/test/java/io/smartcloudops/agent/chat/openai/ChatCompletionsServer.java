package io.smartcloudops.agent.chat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local server speaking the Chat Completions wire protocol (OkHttp's MockWebServer on 127.0.0.1): tests
 * queue the model's answers and read back exactly what the agent sent.
 */
public final class ChatCompletionsServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();

    public ChatCompletionsServer() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String baseUrl() {
        return server.url("/v1").toString();
    }

    /** The model calls one function. */
    public void toolCall(String id, String name, String argumentsJson) {
        ObjectNode message = Json.mapper().createObjectNode().put("role", "assistant").putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        ObjectNode call = calls.addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", argumentsJson);
        enqueue(completion(message, "tool_calls"));
    }

    /** The model answers in words. */
    public void answer(String text) {
        ObjectNode message = Json.mapper().createObjectNode().put("role", "assistant").put("content", text);
        enqueue(completion(message, "stop"));
    }

    public void status(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
    }

    public void raw(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
    }

    public void slow(long delayMillis) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .headersDelay(delayMillis, TimeUnit.MILLISECONDS)
                .body(Json.write(completion(Json.mapper().createObjectNode().put("role", "assistant").put("content", "late"), "stop")))
                .build());
    }

    private void enqueue(ObjectNode completion) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(Json.write(completion)).build());
    }

    private static ObjectNode completion(ObjectNode message, String finish) {
        ObjectNode c = Json.mapper().createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                .put("created", 1773154800).put("model", "gpt-test");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
        choice.set("message", message);
        choice.putNull("logprobs");
        c.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return c;
    }

    /** The next request the agent sent, with its JSON body. */
    public Sent take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the agent sent no request to the model server");
        }
        try {
            return new Sent(r, Json.mapper().readTree(r.getBody() == null ? "{}" : r.getBody().utf8()));
        } catch (IOException e) {
            throw new AssertionError("request body is not JSON", e);
        }
    }

    public record Sent(RecordedRequest request, JsonNode body) {
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        public JsonNode lastMessage() {
            return body.path("messages").get(body.path("messages").size() - 1);
        }

        /** The content of the last message (the reply to the last tool call, after a tool round). */
        public String lastContent() {
            return lastMessage().path("content").asText();
        }
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
