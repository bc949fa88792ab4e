package io.smartcloudops.agent.config;

/**
 * Secrets from AWS SSM Parameter Store (SecureString, decrypted with the instance's role).
 *
 * @param parameterPrefix e.g. {@code /smartcloudops}: the agent reads {@code PREFIX/api/viewer_token},
 *                        {@code PREFIX/api/operator_token} and {@code PREFIX/openai/api_key} at start;
 *                        empty = no SSM, secrets come from the environment only
 */
public record SsmConfig(String parameterPrefix) {

    public static SsmConfig defaults() {
        return new SsmConfig(null);
    }

    public boolean enabled() {
        return parameterPrefix != null && !parameterPrefix.isBlank();
    }
}
