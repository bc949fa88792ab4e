package io.smartcloudops.agent.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for Slack, Teams, PagerDuty or a webhook receiver (OkHttp's MockWebServer on 127.0.0.1):
 * answers as those services do (Slack {@code 200 ok}, Teams and PagerDuty {@code 202}) unless told otherwise,
 * and hands back exactly what the agent sent.
 */
public final class ChannelServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final int okCode;
    private final String okBody;

    ChannelServer(int okCode, String okBody) throws IOException {
        this.okCode = okCode;
        this.okBody = okBody;
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public static ChannelServer slack() throws IOException {
        return new ChannelServer(200, "ok");
    }

    public static ChannelServer teams() throws IOException {
        return new ChannelServer(202, "");
    }

    public static ChannelServer pagerDuty() throws IOException {
        return new ChannelServer(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}");
    }

    public String url() {
        return server.url("/hook/T000/B000/secret").toString();
    }

    /** The next answers are successes. */
    public void ok(int times) {
        for (int i = 0; i < times; i++) {
            server.enqueue(new MockResponse.Builder().code(okCode).body(okBody).build());
        }
    }

    public void answer(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    public void answer(int code, String body, String header, String value) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader(header, value).body(body).build());
    }

    /** A success that starts only after {@code millis}: longer than the channel's timeout is a timeout. */
    public void slow(long millis) {
        server.enqueue(new MockResponse.Builder().code(okCode).headersDelay(millis, TimeUnit.MILLISECONDS).body(okBody).build());
    }

    /** What the agent sent next, within 30 s (two busy cores can hold a delivery up for seconds); fails if nothing came. */
    public Sent take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("nothing was sent to the channel within 30 s");
        }
        return new Sent(r);
    }

    /** Whether anything was sent within {@code millis}. */
    public boolean nothingWithin(long millis) throws InterruptedException {
        return server.takeRequest(millis, TimeUnit.MILLISECONDS) == null;
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    public record Sent(RecordedRequest request) {
        public String body() {
            return request.getBody() == null ? "" : request.getBody().utf8();
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        public String header(String name) {
            return request.getHeaders().get(name);
        }
    }
}
