package io.smartcloudops.agent.remediate;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Words for an AWS call that failed, after the SDK's retries. */
final class AwsFailures {

    private AwsFailures() {
    }

    static String describe(String call, SdkException e) {
        StringBuilder sb = new StringBuilder(call).append(" failed");
        Integer attempts = attempts(e);
        if (attempts != null && attempts > 1) {
            sb.append(" after ").append(attempts).append(" attempts");
        }
        sb.append(": ");
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            sb.append(s.awsErrorDetails().errorCode()).append(" (HTTP ").append(s.statusCode()).append(")");
            String m = s.awsErrorDetails().errorMessage();
            if (m != null && !m.isBlank()) {
                sb.append(": ").append(m);
            }
        } else {
            String m = e.getMessage();
            sb.append(m == null ? e.getClass().getSimpleName() : m);
        }
        return sb.toString();
    }

    private static Integer attempts(SdkException e) {
        try {
            return e.numAttempts();
        } catch (RuntimeException ignored) {
            return null;
        }
    }
}
