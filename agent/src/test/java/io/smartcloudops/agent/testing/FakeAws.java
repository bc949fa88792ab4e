package io.smartcloudops.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 that answers the way SSM (JSON 1.1: {@code X-Amz-Target:
 * AmazonSSM.<Op>}, errors {@code {"__type","message"}}), Auto Scaling and SNS (query protocol:
 * form bodies with {@code Action=}, XML answers, errors {@code <ErrorResponse><Error><Code>}) answer.
 * Records every request; answers come from per-operation scripts, queued answers first.
 */
public final class FakeAws implements AutoCloseable {

    /** One request as the SDK sent it. */
    public record Call(String service, String operation, Map<String, String> headers, String body, Map<String, String> form) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** An answer. */
    public record Reply(int status, String contentType, String body) {
        public static Reply json(String body) {
            return new Reply(200, "application/x-amz-json-1.1", body);
        }

        public static Reply jsonError(int status, String type, String message) {
            return new Reply(status, "application/x-amz-json-1.1",
                    "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
        }

        public static Reply xml(String body) {
            return new Reply(200, "text/xml", body);
        }

        public static Reply xmlError(int status, String code, String message) {
            return new Reply(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error><RequestId>req-err</RequestId></ErrorResponse>");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> queued = new HashMap<>();
    private final Map<String, Function<Call, Reply>> handlers = new HashMap<>();

    public FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The default answer of an operation. */
    public FakeAws on(String operation, Function<Call, Reply> handler) {
        synchronized (this) {
            handlers.put(operation, handler);
        }
        return this;
    }

    /** Answers queued before the default one, in order (e.g. two throttling errors, then the handler). */
    public FakeAws then(String operation, Reply... replies) {
        synchronized (this) {
            queued.computeIfAbsent(operation, o -> new ArrayDeque<>()).addAll(List.of(replies));
        }
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    public List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        String target = headers.get("x-amz-target");
        Map<String, String> form = new LinkedHashMap<>();
        String service;
        String operation;
        if (target != null) {
            service = target.substring(0, target.indexOf('.'));
            operation = target.substring(target.indexOf('.') + 1);
        } else {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            operation = form.getOrDefault("Action", "?");
            String auth = headers.getOrDefault("authorization", "");
            service = auth.contains("/autoscaling/") ? "autoscaling" : auth.contains("/sns/") ? "sns" : "?";
        }
        Call call = new Call(service, operation, headers, body, form);
        calls.add(call);
        Reply reply;
        synchronized (this) {
            Deque<Reply> q = queued.get(operation);
            Function<Call, Reply> h = handlers.get(operation);
            reply = q != null && !q.isEmpty() ? q.poll()
                    : h != null ? h.apply(call)
                    : target != null ? Reply.jsonError(400, "UnknownOperationException", operation)
                    : Reply.xmlError(400, "InvalidAction", operation);
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.getResponseHeaders().set("x-amzn-RequestId", "req-" + calls.size());
        ex.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code <Op>Response} XML with the given result inner XML, in the service's namespace. */
    public static String queryResponse(String operation, String namespace, String result) {
        return "<" + operation + "Response xmlns=\"" + namespace + "\">"
                + (result == null ? "" : "<" + operation + "Result>" + result + "</" + operation + "Result>")
                + "<ResponseMetadata><RequestId>req-ok</RequestId></ResponseMetadata></" + operation + "Response>";
    }

    public static final String AUTOSCALING_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    public static final String SNS_NS = "http://sns.amazonaws.com/doc/2010-03-31/";

    /** A DescribeAutoScalingGroups answer for one group. */
    public static String group(String name, int desired, int max, int inService) {
        StringBuilder instances = new StringBuilder();
        for (int i = 0; i < inService; i++) {
            instances.append("<member><InstanceId>i-00000000000000").append(String.format("%03d", i))
                    .append("</InstanceId><AvailabilityZone>eu-west-1a</AvailabilityZone><LifecycleState>InService</LifecycleState>")
                    .append("<HealthStatus>Healthy</HealthStatus><ProtectedFromScaleIn>false</ProtectedFromScaleIn></member>");
        }
        return queryResponse("DescribeAutoScalingGroups", AUTOSCALING_NS, "<AutoScalingGroups><member>"
                + "<AutoScalingGroupName>" + name + "</AutoScalingGroupName><MinSize>1</MinSize><MaxSize>" + max
                + "</MaxSize><DesiredCapacity>" + desired + "</DesiredCapacity><DefaultCooldown>300</DefaultCooldown>"
                + "<AvailabilityZones><member>eu-west-1a</member></AvailabilityZones><HealthCheckType>EC2</HealthCheckType>"
                + "<CreatedTime>2026-01-01T00:00:00Z</CreatedTime><Instances>" + instances + "</Instances>"
                + "</member></AutoScalingGroups>");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Unused-argument helper for handlers that ignore the call. */
    public static Function<Call, Reply> always(Reply r) {
        return c -> r;
    }

    /** Lists kept in call order, for assertions on what was asked. */
    public static List<String> values(List<Call> calls, String formKey) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.form().get(formKey)));
        return out;
    }
}
