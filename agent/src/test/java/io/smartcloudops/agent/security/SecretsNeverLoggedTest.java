package io.smartcloudops.agent.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.chat.openai.ChatCompletionsServer;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.RedisProcess;
import io.smartcloudops.agent.testing.TestAgents;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.remediation.RemediationRequest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every line the agent logs while it starts with secrets from SSM (API tokens, the model key), a Redis
 * password in {@code redis.url}, AWS credentials, and then serves requests carrying bearer tokens (valid
 * and wrong ones), a chat question full of credentials, a remediation whose reason holds a password and a
 * model server that echoes the key — captured from logback with the agent's own loggers at DEBUG — holds
 * none of those secrets. Neither do /status, /metrics and the answers.
 */
class SecretsNeverLoggedTest {

    private static final String SSM_VIEWER = "ssm-viewer-secret-0123456789";
    private static final String SSM_OPERATOR = "ssm-operator-secret-0123456789";
    private static final String SSM_MODEL_KEY = "sk-ssmmodelkey0123456789abcdefghij";
    private static final String SSM_AUDIT_KEY = "audit-hmac-key-from-ssm-0123456789abcdef";
    private static final String REDIS_PASSWORD = "redis-pass-0123456789-secret";
    private static final String AWS_SECRET = "aws-secret-key-not-real-0123456789";
    private static final String WRONG_TOKEN = "sk-live-wrongtoken-abcdefghijklmnop";
    private static final List<String> IN_THE_QUESTION = List.of("sk-live-abcdefghijklmnopqrstuv", "AKIAABCDEFGHIJKLMNOP",
            "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY", "hunter2hunter2");

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            lines.add(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
    };
    private Level before;

    @AfterEach
    void detach() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        ctx.getLogger("io.smartcloudops").setLevel(before);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void noSecretReachesTheLogOrTheApi() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.setContext(ctx);
        capture.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        before = ctx.getLogger("io.smartcloudops").getLevel();
        ctx.getLogger("io.smartcloudops").setLevel(Level.DEBUG);
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", AWS_SECRET);

        try (FakeAws aws = new FakeAws();
             ChatCompletionsServer model = new ChatCompletionsServer();
             RedisProcess redis = RedisProcess.start(Files.createDirectories(dir.resolve("redis")), REDIS_PASSWORD)) {
            aws.on("GetParameters", call -> FakeAws.Reply.json(call.body().contains("audit")
                    ? "{\"Parameters\": [{\"Name\": \"/sco/audit/hmac_key\", \"Type\": \"SecureString\", \"Value\": \"" + SSM_AUDIT_KEY + "\"}], \"InvalidParameters\": []}"
                    : call.body().contains("openai")
                    ? "{\"Parameters\": [{\"Name\": \"/sco/openai/api_key\", \"Type\": \"SecureString\", \"Value\": \"" + SSM_MODEL_KEY + "\"}], \"InvalidParameters\": []}"
                    : "{\"Parameters\": [{\"Name\": \"/sco/api/viewer_token\", \"Type\": \"SecureString\", \"Value\": \"" + SSM_VIEWER + "\"},"
                    + " {\"Name\": \"/sco/api/operator_token\", \"Type\": \"SecureString\", \"Value\": \"" + SSM_OPERATOR + "\"}], \"InvalidParameters\": []}"));
            Path yaml = dir.resolve("agent.yaml");
            Files.writeString(yaml, """
                    server: {bind: "127.0.0.1:0"}
                    logs: {dir: "%s"}
                    source: {spec: "replay:%s?speed=1000000", interval: 200ms}
                    ssm: {parameter_prefix: /sco}
                    aws: {region: eu-west-1, endpoints: {ssm: "%s"}}
                    redis: {url: "%s"}
                    chat: {backend: openai, base_url: "%s", model: gpt-test, timeout: 5s}
                    detect: {model: ""}
                    remediation: {allowed_units: [nginx]}
                    """.formatted(dir.resolve("logs"), Path.of("src/test/resources/replay/web-1.csv").toAbsolutePath(),
                    aws.endpoint(), redis.url(), model.baseUrl()));
            var config = new io.smartcloudops.agent.config.ConfigLoader(Map.of()).load(yaml, Map.of());
            model.answer("web-1 is fine.");
            model.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + SSM_MODEL_KEY + "\"}}");
            try (Agent agent = Agent.start(config, Map.of(), Clock.systemUTC());
                 AgentClient viewer = AgentClient.create(agent.baseUrl(), SSM_VIEWER);
                 AgentClient operator = AgentClient.create(agent.baseUrl(), SSM_OPERATOR);
                 AgentClient wrong = AgentClient.create(agent.baseUrl(), WRONG_TOKEN)) {
                String status = new String(get(agent, "/status", SSM_VIEWER).readAllBytes());
                try {
                    wrong.status();
                } catch (AgentApiException e) {
                    assertThat(e.status()).isEqualTo(401);
                }
                String question = "What's current CPU? my key is " + IN_THE_QUESTION.get(0) + ", aws " + IN_THE_QUESTION.get(1)
                        + " aws_secret_access_key=" + IN_THE_QUESTION.get(2) + " password=" + IN_THE_QUESTION.get(3);
                String answered = viewer.query(question).toString();       // through the model
                String fallback = viewer.query(question).toString();       // the model answers 401 echoing its key
                String remediation = operator.remediate(RemediationRequest.restartService(agent.remediation().targets().all()
                        .getFirst().name(), "nginx", true, "password=" + IN_THE_QUESTION.get(3)), null).toString();
                get(agent, "/events", SSM_VIEWER).close();
                String metrics = operator.metrics();
                String after = new String(get(agent, "/status", SSM_OPERATOR).readAllBytes());

                assertThat(model.take().header("Authorization")).as("the key does reach the model server")
                        .isEqualTo("Bearer " + SSM_MODEL_KEY);
                assertThat(metrics).as("records are sealed with the audit key from SSM").contains("smartcloudops_audit_hmac_enabled 1.0");
                List<String> secrets = List.of(SSM_VIEWER, SSM_OPERATOR, SSM_MODEL_KEY, SSM_AUDIT_KEY, REDIS_PASSWORD, AWS_SECRET, WRONG_TOKEN,
                        TestAgents.OPERATOR_TOKEN, IN_THE_QUESTION.get(0), IN_THE_QUESTION.get(1), IN_THE_QUESTION.get(2),
                        IN_THE_QUESTION.get(3));
                String log = String.join("\n", lines);
                assertThat(lines).as("the agent did log (the capture works)").hasSizeGreaterThanOrEqualTo(5);
                assertThat(log).contains("chat: viewer asked").contains("API tokens from SSM under /sco");
                for (String secret : secrets) {
                    assertThat(log).as("log holds %s", secret).doesNotContain(secret);
                    for (String served : List.of(status, after, metrics, answered, fallback)) {
                        assertThat(served).as("an answer holds %s", secret).doesNotContain(secret);
                    }
                }
                assertThat(remediation).as("the audit reason is the operator's own words").contains("password=");
                System.out.printf("SecretsNeverLoggedTest: %d log lines checked for %d secrets%n", lines.size(), secrets.size());
            }
        }
    }

    private static InputStream get(Agent agent, String path, String token) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", path.equals("/events") ? "text/event-stream" : "application/json")
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
