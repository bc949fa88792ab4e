package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.AwsConfig;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS SDK clients, built on first use from {@code aws:}: region (or the SDK's default chain),
 * credentials from the default chain (environment, profile, instance role), optional endpoint overrides,
 * the standard retry strategy (throttling and 5xx answers are retried with back-off, up to
 * {@code aws.max_attempts}), and the JDK's HTTP client set explicitly on each, so nothing depends on
 * service-loader discovery inside the shaded jar.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsConfig config;
    private final AwsCredentialsProvider credentials;
    private SdkHttpClient http;
    private SsmClient ssm;
    private AutoScalingClient autoScaling;
    private SnsClient sns;

    public AwsClients(AwsConfig config) {
        this(config, DefaultCredentialsProvider.builder().build());
    }

    public AwsClients(AwsConfig config, AwsCredentialsProvider credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = configure(SsmClient.builder(), config.endpoints().ssm()).build();
        }
        return ssm;
    }

    public synchronized AutoScalingClient autoScaling() {
        if (autoScaling == null) {
            autoScaling = configure(AutoScalingClient.builder(), config.endpoints().autoscaling()).build();
        }
        return autoScaling;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = configure(SnsClient.builder(), config.endpoints().sns()).build();
        }
        return sns;
    }

    public int maxAttempts() {
        return config.maxAttempts();
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String endpoint) {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30))
                    .build();
        }
        builder.httpClient(http);
        builder.credentialsProvider(credentials);
        if (config.region() != null && !config.region().isBlank()) {
            builder.region(Region.of(config.region().trim()));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.trim()));
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts()).build())
                .apiCallTimeout(Duration.ofSeconds(90))
                .build());
        return builder;
    }

    @Override
    public synchronized void close() {
        if (ssm != null) {
            ssm.close();
        }
        if (autoScaling != null) {
            autoScaling.close();
        }
        if (sns != null) {
            sns.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
