package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.PlanStep;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/** notify: {@code Publish} to {@code aws.sns_topic_arn}. */
final class SnsNotify {

    private final AwsClients aws;
    private final String topicArn;

    SnsNotify(AwsClients aws, String topicArn) {
        this.aws = aws;
        this.topicArn = topicArn == null || topicArn.isBlank() ? null : topicArn.trim();
    }

    Optional<String> unsupported() {
        return topicArn == null ? Optional.of("notify needs aws.sns_topic_arn (the topic to publish to)") : Optional.empty();
    }

    List<PlanStep> plan(RemediationAction.Notify n, Target target) {
        return List.of(new PlanStep("aws", "publish the message about " + target.name() + " to " + topicArn,
                List.of("sns", "Publish", "TopicArn=" + topicArn, "Subject=" + n.subject(), "Message=" + n.message())));
    }

    Outcome run(RemediationAction.Notify n, Target target) {
        try {
            String id = aws.sns().publish(r -> r.topicArn(topicArn).subject(n.subject())
                    .message(n.message() + "\n\nHost: " + target.name())).messageId();
            return Outcome.success("published to " + topicArn + " (message id " + id + ")");
        } catch (SdkException e) {
            return Outcome.failure(AwsFailures.describe("sns Publish", e));
        }
    }
}
