package io.smartcloudops.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.RemediationRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller of {@link AgentClient} sees when things go wrong, against a local HTTP server: the
 * agent's {@code {"error","detail"}} with its status, a foreign error page (a proxy in between) cut
 * short, an answer that is not what was asked for, and an agent that is not there (status 0).
 */
class AgentClientErrorsTest {

    private final MockWebServer server = new MockWebServer();
    private AgentClient client;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = AgentClient.create(server.url("/").toString(), "token-0123456789", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private void answer(int code, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build());
    }

    @Test
    void theAgentsErrorComesWithItsStatusAndWords() throws Exception {
        answer(409, "application/json", "{\"error\":\"conflict\",\"detail\":\"Idempotency-Key 'k' was used for a different request\"}");

        assertThatThrownBy(() -> client.remediate(RemediationRequest.scaleUp("web-1", false, "cpu"), "k"))
                .isInstanceOfSatisfying(AgentApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.unreachable()).isFalse();
                    assertThat(e.error().error()).isEqualTo("conflict");
                    assertThat(e.error().detail()).contains("different request");
                    assertThat(e.getMessage()).isEqualTo("409 conflict: Idempotency-Key 'k' was used for a different request");
                });
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer token-0123456789");
        assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("k");
    }

    @Test
    void aForeignErrorPageIsKeptShortWithItsStatus() {
        answer(502, "text/html", "<html>" + "x".repeat(500) + "</html>");

        assertThatThrownBy(() -> client.status()).isInstanceOfSatisfying(AgentApiException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.error().error()).isEqualTo("HTTP 502");
            assertThat(e.error().detail()).startsWith("<html>xxx").endsWith("...").hasSize(203);
        });
    }

    @Test
    void anAnswerThatIsNotTheContractIsSaidSo() {
        answer(200, "application/json", "[1, 2, 3]");

        assertThatThrownBy(() -> client.status()).isInstanceOfSatisfying(AgentApiException.class, e -> {
            assertThat(e.unreachable()).as("status 0: no usable answer").isTrue();
            assertThat(e.getMessage()).startsWith("unexpected answer from agent");
        });
    }

    @Test
    void anAgentThatIsNotThereIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (AgentClient nowhere = AgentClient.create("http://127.0.0.1:" + closedPort, null, Duration.ofSeconds(2))) {
            assertThatThrownBy(nowhere::status).isInstanceOfSatisfying(AgentApiException.class, e -> {
                assertThat(e.status()).isZero();
                assertThat(e.error().error()).isEqualTo("unreachable");
                assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort, "unreachable");
            });
        }
    }

    @Test
    void aLogQuerySendsOnlyTheFiltersItHasInWireForm() throws Exception {
        answer(200, "application/json", "{\"records\":[],\"truncated\":false}");

        client.logs(LogQuery.since("10m").action(ActionType.RESTART_SERVICE).result(AuditResult.DRY_RUN).limit(5));

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedQuery())
                .isEqualTo("since=10m&action=restart_service&result=dry_run&limit=5");
    }
}
