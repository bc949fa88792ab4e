package io.smartcloudops.agent.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.remediate.ActionRunner;
import io.smartcloudops.agent.remediate.AwsClients;
import io.smartcloudops.agent.remediate.RemediationService;
import io.smartcloudops.agent.remediate.SharedIdempotencyKeys;
import io.smartcloudops.agent.remediate.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A {@link RemediationService} wired as the agent wires it, without HTTP: configuration from YAML, the
 * audit log in a temporary directory, static test credentials for AWS, a given local host name.
 */
public final class RemediationFixture implements AutoCloseable {

    public final AgentConfig config;
    public final AuditLog audit;
    public final AwsClients aws;
    public final EventBus bus = new EventBus();
    public final PrometheusRegistry registry = new PrometheusRegistry();
    public final RemediationService service;

    public RemediationFixture(Path dir, String yaml, Clock clock, String localHost) throws Exception {
        this(dir, yaml, clock, localHost, List.of());
    }

    /** @param watchedHosts the hosts the agent has samples from (as its series store would list them) */
    public RemediationFixture(Path dir, String yaml, Clock clock, String localHost, List<String> watchedHosts) throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, yaml);
        this.config = new ConfigLoader(Map.of()).load(file, Map.of("logs.dir", dir.resolve("logs").toString()));
        this.audit = new AuditLog(Path.of(config.logs().dir()), clock, 0);
        this.aws = new AwsClients(config.aws(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDTESTONLY", "test-secret-key-not-real")));
        this.service = RemediationService.start(config.remediation(), new Targets(config.remediation(), localHost, () -> watchedHosts),
                new ActionRunner(config, aws, clock), audit, bus, registry, SharedIdempotencyKeys.NONE);
    }

    @Override
    public void close() {
        service.close();
        aws.close();
        audit.close();
    }
}
