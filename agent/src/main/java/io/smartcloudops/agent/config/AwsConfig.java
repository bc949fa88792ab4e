package io.smartcloudops.agent.config;

import java.time.Duration;

/**
 * AWS access for the remediation executors. Credentials come from the SDK's default chain (environment,
 * profile, instance role); never from this file.
 *
 * @param region        e.g. {@code eu-west-1}; empty = the SDK's default ({@code AWS_REGION}, profile, instance)
 * @param ssmDocument   SSM Command document that restarts a unit (parameter {@code ServiceName})
 * @param snsTopicArn   topic notify publishes to
 * @param endpoints     endpoint overrides per service (tests, VPC endpoints); empty = AWS's
 * @param maxAttempts   attempts per API call including retries of throttling and 5xx answers
 * @param commandTimeout how long to wait for an SSM command to finish
 * @param pollInterval  how often to ask SSM whether the command finished
 */
public record AwsConfig(String region, String ssmDocument, String snsTopicArn, Endpoints endpoints, int maxAttempts,
                        Duration commandTimeout, Duration pollInterval) {

    public static AwsConfig defaults() {
        return new AwsConfig(null, null, null, Endpoints.defaults(), 3, Duration.ofMinutes(2), Duration.ofSeconds(2));
    }

    /** Endpoint URLs, e.g. {@code http://127.0.0.1:4566}; empty for the service's own. */
    public record Endpoints(String ssm, String autoscaling, String sns) {
        public static Endpoints defaults() {
            return new Endpoints(null, null, null);
        }
    }
}
