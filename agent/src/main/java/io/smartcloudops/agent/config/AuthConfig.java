package io.smartcloudops.agent.config;

import java.util.List;

/**
 * Bearer tokens. {@code viewer_token}/{@code operator_token} are normally set through
 * {@code SMARTCLOUDOPS_VIEWER_TOKEN}/{@code SMARTCLOUDOPS_OPERATOR_TOKEN} or SSM, not written in the file.
 *
 * @param viewerToken   one read-only token
 * @param operatorToken one read + remediate token
 * @param tokens        further named tokens
 * @param tokenFile     where the generated first-start token is kept (default: the user's config directory)
 * @param failuresPerMinute wrong tokens allowed per client address and minute before it is answered 429
 *                      (refilled evenly; 0 = no limit)
 * @param webhookToken  the token Alertmanager and Grafana send with their webhooks (may post alerts, nothing else)
 */
public record AuthConfig(String viewerToken, String operatorToken, List<TokenEntry> tokens, String tokenFile,
                         int failuresPerMinute, String webhookToken) {

    /** Enough for a person retyping a token or a client retrying; 500 guesses take 25 minutes. */
    public static final int DEFAULT_FAILURES_PER_MINUTE = 20;

    public static AuthConfig defaults() {
        return new AuthConfig(null, null, List.of(), null, DEFAULT_FAILURES_PER_MINUTE, null);
    }

    /** The same tokens with another webhook token. */
    public AuthConfig withWebhookToken(String token) {
        return new AuthConfig(viewerToken, operatorToken, tokens, tokenFile, failuresPerMinute, token);
    }
}
